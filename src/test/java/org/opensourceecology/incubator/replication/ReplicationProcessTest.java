package org.opensourceecology.incubator.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.opensourceecology.incubator.replication.ReplicationProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensourceecology.incubator.support.ProcessTestEngine;

/**
 * Every path of {@code replication}, the timer cycle driven by executing jobs. Delegates are fakes
 * that record what they were asked to do; reporting periods are quarters from 2027-Q1 on.
 */
@Deployment(resources = "processes/replication.bpmn")
class ReplicationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage();

    static final long ENTERPRISE_ID = 7L;

    ProcessEngine processEngine;
    final List<String> calls = new ArrayList<>();
    boolean viable = true;
    LocalDate periodEnd = LocalDate.parse("2027-04-01");

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("registerReplicatedEnterprise", (JavaDelegate) execution -> {
            calls.add("register " + ENTERPRISE_NAME.get(execution) + " for " + OWNER_ID.get(execution));
            REPLICATED_ENTERPRISE_ID.set(execution, ENTERPRISE_ID);
            NEXT_PERIOD_START.set(execution, instant(periodEnd));
            execution.setProcessBusinessKey(String.valueOf(ENTERPRISE_ID));
        });
        Mocks.register("openReportingPeriod", (JavaDelegate) execution -> {
            LocalDate end = LocalDate.ofInstant(NEXT_PERIOD_START.get(execution), java.time.ZoneOffset.UTC);
            LocalDate start = end.minusMonths(3);
            PERIOD_START.set(execution, start);
            PERIOD_END.set(execution, end);
            PERIOD_LABEL.set(execution, start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1));
            REPORT_DUE_DATE.set(execution, instant(end.plusDays(30)));
            NEXT_PERIOD_START.set(execution, instant(end.plusMonths(3)));
            calls.add("open " + PERIOD_LABEL.get(execution));
        });
        Mocks.register("remindOwnerToReport", (JavaDelegate) e -> calls.add("remind " + PERIOD_LABEL.get(e)));
        Mocks.register("recordMissedReport", (JavaDelegate) e -> calls.add("missed " + PERIOD_LABEL.get(e)));
        Mocks.register("recordProductionReport", (JavaDelegate)
                e -> calls.add("report " + PERIOD_LABEL.get(e) + " units " + UNITS_PRODUCED.get(e)));
        Mocks.register("assessViability", (JavaDelegate) e -> {
            VIABLE.set(e, viable);
            VIABILITY_SUMMARY.set(e, viable ? "meets the thresholds" : "falls short on hourly earnings");
        });
        Mocks.register(
                "closeReplicatedEnterprise", (JavaDelegate) e -> calls.add("close " + REPLICATED_ENTERPRISE_ID.get(e)));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    static Instant instant(LocalDate date) {
        return date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    ProcessInstance startAs(String userId, VariableMap variables) {
        processEngine.getIdentityService().setAuthenticatedUserId(userId);
        try {
            return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "registration-test", variables);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    ProcessInstance registerFromTasklist() {
        var variables = Variables.createVariables();
        ENTERPRISE_NAME.putIn(variables, "Lagos Brick Works");
        ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        CITY.putIn(variables, "Lagos");
        COUNTRY.putIn(variables, "Nigeria");
        CONSENT_MAP.putIn(variables, true);
        return startAs("owner", variables);
    }

    Job job(ProcessInstance instance, String activityId) {
        return jobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .singleResult();
    }

    void periodEnds(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(TIMER_NEXT_REPORTING_PERIOD);
        execute(job(instance, TIMER_NEXT_REPORTING_PERIOD));
    }

    static VariableMap report(long units) {
        var variables = Variables.createVariables();
        UNITS_PRODUCED.putIn(variables, units);
        UNITS_SOLD.putIn(variables, units);
        SALES_VALUE.putIn(variables, 250.0 * units);
        CURRENCY.putIn(variables, "USD");
        HOURS_WORKED.putIn(variables, 40.0);
        return variables;
    }

    @Test
    void registrationFromTasklistWaitsForTheFirstPeriodToEnd() {
        var instance = registerFromTasklist();

        assertThat(instance)
                .hasPassed(GATEWAY_DETAILS_GIVEN, SERVICE_REGISTER_REPLICATED_ENTERPRISE)
                .hasNotPassed(USER_COMPLETE_REGISTRATION)
                .isWaitingAt(TIMER_NEXT_REPORTING_PERIOD)
                .hasBusinessKey(String.valueOf(ENTERPRISE_ID));
        assertThat(instance).variables().containsEntry("ownerId", "owner");
        assertThat(calls).containsExactly("register Lagos Brick Works for owner");
        assertThat(job(instance, TIMER_NEXT_REPORTING_PERIOD).getDuedate())
                .isEqualTo(java.util.Date.from(instant(periodEnd)));
    }

    @Test
    void fromTheJourneyTheOwnerFirstCompletesTheRegistration() {
        var variables = Variables.createVariables();
        OWNER_ID.putIn(variables, "trainee");
        ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        MENTOR_ID.putIn(variables, "mentor");
        // the journey's call activity runs as whoever completed the certifier's task
        var instance = startAs("certifier", variables);

        assertThat(instance).isWaitingAt(USER_COMPLETE_REGISTRATION);
        assertThat(instance).variables().containsEntry("ownerId", "trainee");
        assertThat(task(instance))
                .isAssignedTo("trainee")
                .hasName("Register your replicated ceb-press enterprise")
                .hasDescription("trainee runs an enterprise that replicates ceb-press. Give its name, town and other"
                        + " details; every period you will then report what it produced and sold.");

        var details = Variables.createVariables();
        ENTERPRISE_NAME.putIn(details, "Bamako Blocks");
        CITY.putIn(details, "Bamako");
        COUNTRY.putIn(details, "Mali");
        complete(task(instance), details);

        assertThat(instance).isWaitingAt(TIMER_NEXT_REPORTING_PERIOD);
        assertThat(calls).containsExactly("register Bamako Blocks for trainee");
    }

    @Test
    void aReportIsRecordedAndTheNextPeriodAwaited() {
        var instance = registerFromTasklist();
        periodEnds(instance);

        assertThat(instance).isWaitingAt(USER_REPORT_PRODUCTION);
        var reportTask = task(instance);
        assertThat(reportTask).isAssignedTo("owner").hasName("Report production for 2027-Q1: Lagos Brick Works");
        assertThat(reportTask.getDescription())
                .startsWith(
                        "What Lagos Brick Works (ceb-press, owner owner) built and sold from 2027-01-01 to 2027-04-01");
        assertThat(reportTask.getDueDate()).isEqualTo(java.util.Date.from(instant(periodEnd.plusDays(30))));

        complete(reportTask, report(12));

        assertThat(instance)
                .hasPassed(
                        SERVICE_RECORD_PRODUCTION_REPORT,
                        GATEWAY_STILL_TRADING,
                        SERVICE_ASSESS_VIABILITY,
                        GATEWAY_VIABLE)
                .hasNotPassed(USER_FOLLOW_UP_VIABILITY)
                .isWaitingAt(TIMER_NEXT_REPORTING_PERIOD);
        assertThat(calls).containsSubsequence("open 2027-Q1", "report 2027-Q1 units 12");
        assertThat(job(instance, TIMER_NEXT_REPORTING_PERIOD).getDuedate())
                .isEqualTo(java.util.Date.from(instant(periodEnd.plusMonths(3))));
    }

    @Test
    void remindedThenMissedTwiceLapsesAndALaterReportReactivates() {
        var instance = registerFromTasklist();
        periodEnds(instance);

        // the report is due: the owner is reminded, the task stays open
        execute(job(instance, TIMER_REPORT_REMINDER));
        execute(job(instance, SERVICE_REMIND_OWNER));
        assertThat(instance).hasPassed(END_REMINDER_SENT).isWaitingAt(USER_REPORT_PRODUCTION);

        // the next period starts with no report: missed, and the next period opens at once
        execute(job(instance, TIMER_REPORT_MISSED));
        execute(job(instance, SERVICE_RECORD_MISSED_REPORT));
        assertThat(task(instance)).hasName("Report production for 2027-Q2: Lagos Brick Works");

        execute(job(instance, TIMER_REPORT_MISSED));
        execute(job(instance, SERVICE_RECORD_MISSED_REPORT));
        assertThat(task(instance)).hasName("Report production for 2027-Q3: Lagos Brick Works");

        complete(task(instance), report(3));

        assertThat(calls)
                .containsExactly(
                        "register Lagos Brick Works for owner",
                        "open 2027-Q1",
                        "remind 2027-Q1",
                        "missed 2027-Q1",
                        "open 2027-Q2",
                        "missed 2027-Q2",
                        "open 2027-Q3",
                        "report 2027-Q3 units 3");
        assertThat(instance).isWaitingAt(TIMER_NEXT_REPORTING_PERIOD);
    }

    @Test
    void anEnterpriseThatFallsShortGetsAMentorFollowUpWhileReportingGoesOn() {
        viable = false;
        var variables = Variables.createVariables();
        OWNER_ID.putIn(variables, "trainee");
        ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        MENTOR_ID.putIn(variables, "mentor");
        ENTERPRISE_NAME.putIn(variables, "Bamako Blocks");
        var instance = startAs("trainee", variables);
        periodEnds(instance);

        complete(task(instance), report(1));

        assertThat(instance)
                .hasPassed(GATEWAY_FOLLOW_UP_FORK)
                .isWaitingAt(USER_FOLLOW_UP_VIABILITY, TIMER_NEXT_REPORTING_PERIOD);
        var followUp = task(USER_FOLLOW_UP_VIABILITY, instance);
        assertThat(followUp).isAssignedTo("mentor").hasName("Follow up the viability of Bamako Blocks (ceb-press)");
        assertThat(followUp.getDescription())
                .startsWith("After its latest report, Bamako Blocks (ceb-press, owner trainee) falls short on hourly"
                        + " earnings of OSE's viability thresholds.");
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(followUp.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("mentors"));
        assertThat(instance).variables().containsEntry("viabilitySummary", "falls short on hourly earnings");

        complete(followUp, Variables.createVariables().putValue("followUpNotes", "Raise the price to $400."));

        assertThat(instance).hasPassed(END_FOLLOW_UP_DONE).isWaitingAt(TIMER_NEXT_REPORTING_PERIOD);
    }

    @Test
    void closingEndsReportingWhereverItIs() {
        var instance = registerFromTasklist();
        periodEnds(instance);
        assertThat(instance).isWaitingAt(USER_REPORT_PRODUCTION);

        processEngine
                .getRuntimeService()
                .createMessageCorrelation(MESSAGE_ENTERPRISE_CLOSED)
                .processInstanceBusinessKey(String.valueOf(ENTERPRISE_ID))
                .correlate();

        assertThat(instance)
                .hasPassed(BOUNDARY_ENTERPRISE_CLOSED, SERVICE_CLOSE_REPLICATED_ENTERPRISE, END_ENTERPRISE_CLOSED)
                .isEnded();
        assertThat(calls).endsWith("close 7");
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void theOwnerClosesTheEnterpriseWithItsLastReport() {
        var instance = registerFromTasklist();
        periodEnds(instance);

        var last = report(5);
        ENTERPRISE_CLOSED.putIn(last, true);
        complete(task(instance), last);

        assertThat(instance)
                .hasPassed(END_REPORTING_ENDED, SUB_REPORTING, GATEWAY_CLOSING_JOINED, END_ENTERPRISE_CLOSED)
                .hasNotPassed(SERVICE_ASSESS_VIABILITY)
                .isEnded();
        assertThat(calls).endsWith("report 2027-Q1 units 5", "close 7");
    }
}
