package org.opensourceecology.incubator.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import org.opensourceecology.incubator.training.internal.TrainingSettings;
import org.opensourceecology.incubator.training.internal.TrainingTimers;

/** Every path of {@code immersion-training}, with the module's delegates and task listeners mocked. */
@Deployment(resources = "processes/immersion-training.bpmn")
class ImmersionTrainingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage();

    ProcessEngine processEngine;

    int milestoneCount = 2;
    final List<String> calls = new ArrayList<>();
    final List<String> notifiedTasks = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("trainingTimers", new TrainingTimers(TrainingSettings.defaults()));
        TaskListener noop = task -> {};
        Mocks.register("showApplication", noop);
        Mocks.register(
                "lookUpTraineeName", (ExecutionListener) execution -> TRAINEE_NAME.set(execution, "Tomasz Trainee"));
        Mocks.register("showMilestone", noop);
        Mocks.register("letAssigneeReadTraining", noop);
        Mocks.register("checkReviewDecision", noop);
        Mocks.register("checkSignOffDecision", noop);
        Mocks.register("notifyTaskAssignee", (TaskListener) this::notified);
        Mocks.register("rejectApplication", (JavaDelegate) execution -> {
            calls.add("reject " + REJECTION_REASON.get(execution));
            TRAINING_COMPLETED.set(execution, false);
        });
        Mocks.register("assignMentor", (JavaDelegate) execution -> {
            MENTOR_ID.set(execution, MENTOR_OVERRIDE.find(execution).orElse("mentor"));
            TRAINEE_NAME.set(execution, "Tomasz Trainee");
        });
        Mocks.register("enrolInCohort", (JavaDelegate) execution -> {
            COHORT_ID.set(execution, 7L);
            MILESTONE_COUNT.set(execution, milestoneCount);
        });
        Mocks.register("openMilestone", (JavaDelegate) execution -> {
            int index = LOOP_COUNTER.get(execution);
            MILESTONE_ID.setLocal(execution, 100L + index);
            MILESTONE_TITLE.setLocal(execution, "Milestone " + (index + 1));
            MILESTONE_DUE_DATE.setLocal(execution, Instant.now().plus(14, ChronoUnit.DAYS));
            MILESTONE_EXPECTED_DURATION.setLocal(execution, "P14D");
            EVIDENCE_URLS.setLocal(execution, null);
            SIGN_OFF_DECISION.setLocal(execution, null);
            MENTOR_COMMENT.setLocal(execution, null);
        });
        Mocks.register("recordSubmission", (JavaDelegate) execution -> {
            calls.add("submission " + MILESTONE_ID.get(execution) + " " + EVIDENCE_URLS.get(execution));
        });
        Mocks.register("recordSignOff", (JavaDelegate) execution -> {
            boolean approved = APPROVE.equals(SIGN_OFF_DECISION.get(execution));
            calls.add("sign-off " + MILESTONE_ID.get(execution) + " " + approved);
        });
        Mocks.register("remindTrainee", (JavaDelegate) e -> calls.add("remind trainee " + MILESTONE_TITLE.get(e)));
        Mocks.register("remindMentor", (JavaDelegate) e -> calls.add("remind mentor " + MENTOR_ID.get(e)));
        Mocks.register("alertAdmins", (JavaDelegate) e -> calls.add("alert admins " + MILESTONE_TITLE.get(e)));
        Mocks.register("completeTraining", (JavaDelegate) execution -> {
            calls.add("complete");
            TRAINING_COMPLETED.set(execution, true);
        });
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    private void notified(DelegateTask task) {
        notifiedTasks.add(task.getEventName() + " " + task.getTaskDefinitionKey());
    }

    ProcessInstance instance;

    private Task current() {
        return task(instance);
    }

    ProcessInstance start() {
        var variables = Variables.createVariables();
        APPLICATION_ID.putIn(variables, 42L);
        TRAINEE_ID.putIn(variables, "trainee");
        ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        instance = processEngine.getRuntimeService().startProcessInstanceByKey(KEY, "application-42", variables);
        return instance;
    }

    @Test
    void rejectedApplicationEndsWithTheReason() {
        var training = start();

        assertThat(training).isWaitingAt(USER_REVIEW_APPLICATION);
        assertThat(current()).hasCandidateGroup("mentors").hasCandidateGroup("camunda-admin");
        // What to do and for whom, in the task list.
        assertThat(current()).hasName("Review the training application of Tomasz Trainee for ceb-press");
        assertThat(current().getDescription())
                .startsWith("Tomasz Trainee applied for immersion training in the ceb-press enterprise.");
        assertThat(notifiedTasks).contains("create " + USER_REVIEW_APPLICATION);
        complete(current(), decision(REJECT).putValue(REJECTION_REASON.name(), "Please download the manual first."));
        executeAsyncJobs();

        assertThat(training)
                .hasPassed(SERVICE_REJECT_APPLICATION, END_APPLICATION_REJECTED)
                .isEnded();
        assertThat(training).variables().containsEntry(TRAINING_COMPLETED.name(), false);
        assertThat(calls).containsExactly("reject Please download the manual first.");
    }

    @Test
    void acceptedTraineeWorksThroughEveryMilestoneInOrder() {
        milestoneCount = 3;
        var training = start();
        complete(current(), decision(ACCEPT));

        for (int i = 1; i <= 3; i++) {
            Task work = current();
            assertThat(work).hasDefinitionKey(USER_COMPLETE_MILESTONE).isAssignedTo("trainee");
            assertThat(work.getName()).isEqualTo("Complete milestone: Milestone " + i + " (ceb-press)");
            assertThat(work.getDescription())
                    .startsWith("Milestone Milestone " + i + " of Tomasz Trainee's immersion training in ceb-press");
            assertThat(work.getDueDate()).isNotNull();
            Instant submitted = Instant.parse("2027-02-01T09:00:00Z").plus(i, ChronoUnit.DAYS);
            ClockUtil.setCurrentTime(Date.from(submitted));
            complete(work, evidence("https://wiki.example.org/build-log-" + i));

            Task signOff = current();
            assertThat(signOff).hasDefinitionKey(USER_SIGN_OFF_MILESTONE).isAssignedTo("mentor");
            assertThat(signOff.getName())
                    .isEqualTo("Sign off milestone: Milestone " + i + " \u2014 Tomasz Trainee (ceb-press)");
            assertThat(signOff.getDescription())
                    .startsWith("Tomasz Trainee submitted the evidence for milestone Milestone " + i);
            // Due when the mentor's reminder fires: the same setting (trainingTimers), not a variable.
            assertThat(signOff.getDueDate())
                    .isEqualTo(
                            Date.from(submitted.plus(TrainingSettings.defaults().mentorReminder())));
            ClockUtil.reset();
            complete(signOff, signOff(APPROVE, "Well documented."));
            executeAsyncJobs();
        }

        assertThat(training)
                .hasPassed(SERVICE_ASSIGN_MENTOR, SERVICE_ENROL_IN_COHORT, SERVICE_COMPLETE_TRAINING)
                .hasPassed(END_TRAINING_COMPLETED)
                .isEnded();
        assertThat(training)
                .variables()
                .containsEntry(TRAINING_COMPLETED.name(), true)
                .containsEntry(MENTOR_ID.name(), "mentor");
        assertThat(calls)
                .containsExactly(
                        "submission 100 https://wiki.example.org/build-log-1",
                        "sign-off 100 true",
                        "submission 101 https://wiki.example.org/build-log-2",
                        "sign-off 101 true",
                        "submission 102 https://wiki.example.org/build-log-3",
                        "sign-off 102 true",
                        "complete");
        assertThat(notifiedTasks)
                .contains("assignment " + USER_COMPLETE_MILESTONE, "assignment " + USER_SIGN_OFF_MILESTONE);
    }

    @Test
    void reviewerMayChooseTheMentor() {
        milestoneCount = 1;
        start();
        complete(current(), decision(ACCEPT).putValue(MENTOR_OVERRIDE.name(), "mentor2"));
        complete(current(), evidence("https://wiki.example.org/log"));

        assertThat(current()).hasDefinitionKey(USER_SIGN_OFF_MILESTONE).isAssignedTo("mentor2");
    }

    @Test
    void returnedMilestoneGoesBackToTheTraineeWithTheComment() {
        milestoneCount = 1;
        var training = start();
        complete(current(), decision(ACCEPT));
        complete(current(), evidence("https://wiki.example.org/first-try"));
        complete(current(), signOff(RETURN, "Add photos of the welds."));
        executeAsyncJobs();

        Task again = current();
        assertThat(again).hasDefinitionKey(USER_COMPLETE_MILESTONE).isAssignedTo("trainee");
        assertThat(taskService().getVariable(again.getId(), MENTOR_COMMENT.name()))
                .isEqualTo("Add photos of the welds.");
        assertThat(training).hasPassed(GATEWAY_MILESTONE_JOIN, GATEWAY_SIGN_OFF_DECISION);

        complete(again, evidence("https://wiki.example.org/second-try"));
        complete(current(), signOff(APPROVE, ""));
        executeAsyncJobs();

        assertThat(training)
                .hasPassed(END_MILESTONE_SIGNED_OFF, END_TRAINING_COMPLETED)
                .isEnded();
        assertThat(calls)
                .containsExactly(
                        "submission 100 https://wiki.example.org/first-try",
                        "sign-off 100 false",
                        "submission 100 https://wiki.example.org/second-try",
                        "sign-off 100 true",
                        "complete");
    }

    @Test
    void traineeIsRemindedWhenAMilestoneOverrunsAndKeepsTheTask() {
        milestoneCount = 1;
        var training = start();
        complete(current(), decision(ACCEPT));

        executeTimer(TIMER_MILESTONE_OVERRUN);
        executeAsyncJobs();

        assertThat(training).hasPassed(SERVICE_REMIND_TRAINEE).isWaitingAt(USER_COMPLETE_MILESTONE);
        assertThat(calls).containsExactly("remind trainee Milestone 1");
    }

    @Test
    void mentorIsRemindedWhenASignOffWaits() {
        milestoneCount = 1;
        var training = start();
        complete(current(), decision(ACCEPT));
        complete(current(), evidence("https://wiki.example.org/log"));

        executeTimer(TIMER_MENTOR_REMINDER);
        executeAsyncJobs();

        assertThat(training).hasPassed(SERVICE_REMIND_MENTOR).isWaitingAt(USER_SIGN_OFF_MILESTONE);
        assertThat(calls).endsWith("remind mentor mentor");
        assertThat(timerDuration(TIMER_ADMIN_ESCALATION)).isNotNull();
    }

    @Test
    void adminsAreAlertedWhenASignOffIsOverdue() {
        milestoneCount = 1;
        var training = start();
        complete(current(), decision(ACCEPT));
        complete(current(), evidence("https://wiki.example.org/log"));
        Instant before = Instant.now();

        var escalation = timerDuration(TIMER_ADMIN_ESCALATION);
        assertThat(escalation).isAfter(before.plus(6, ChronoUnit.DAYS));
        executeTimer(TIMER_ADMIN_ESCALATION);
        executeAsyncJobs();

        assertThat(training).hasPassed(SERVICE_ALERT_ADMINS).isWaitingAt(USER_SIGN_OFF_MILESTONE);
        assertThat(calls).endsWith("alert admins Milestone 1");
    }

    private static VariableMap decision(String decision) {
        return REVIEW_DECISION.with(decision);
    }

    private static VariableMap evidence(String url) {
        var variables = EVIDENCE_URLS.with(url);
        NOTES.putIn(variables, "Built over two weekends.");
        HOURS_SPENT.putIn(variables, 16);
        return variables;
    }

    private static VariableMap signOff(String decision, String comment) {
        return MENTOR_COMMENT.putIn(SIGN_OFF_DECISION.with(decision), comment);
    }

    private static Instant timerDuration(String activityId) {
        return managementService()
                .createJobQuery()
                .activityId(activityId)
                .timers()
                .singleResult()
                .getDuedate()
                .toInstant();
    }

    private static void executeTimer(String activityId) {
        var job = managementService()
                .createJobQuery()
                .activityId(activityId)
                .timers()
                .singleResult();
        assertThat(job).as("timer %s", activityId).isNotNull();
        managementService().executeJob(job.getId());
    }

    /** Runs the asynchronous continuations (mail steps) until none are left; timers stay. */
    private static void executeAsyncJobs() {
        ProcessTestEngine.executeAsyncContinuations(managementService());
    }
}
