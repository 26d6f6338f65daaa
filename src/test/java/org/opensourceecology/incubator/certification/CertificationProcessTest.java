package org.opensourceecology.incubator.certification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensourceecology.incubator.support.ProcessTestEngine;
import org.opensourceecology.incubator.training.JourneyProcess;

/**
 * Every path of {@code certification} with the real eligibility decision and four-eyes listener;
 * the module's work is mocked and timers are driven by executing their jobs.
 */
@Deployment(resources = {"processes/certification.bpmn", "processes/certification-eligibility.dmn"})
class CertificationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage();

    ProcessEngine processEngine;

    /** What the mocked evidence delegate finds: eligible unless a test changes it. */
    int verifiedRuns = 1;

    boolean documentationPublished = true;
    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        init(processEngine);
        Mocks.register("gatherCertificationEvidence", (JavaDelegate) e -> {
            calls.add("gather");
            CertificationProcess.CERTIFICATION_APPLICATION_ID.set(e, 7L);
            CertificationProcess.PRIOR_EXPERIENCE_DECLARED.set(e, false);
            CertificationProcess.VERIFIED_RUNS.set(e, verifiedRuns);
            CertificationProcess.UNITS_BUILT.set(e, verifiedRuns * 4);
            CertificationProcess.QC_PASS_RATE.set(e, 0.95);
            CertificationProcess.DOCUMENTATION_PUBLISHED.set(e, documentationPublished);
            CertificationProcess.LICENCE_OPEN.set(e, true);
        });
        Mocks.register("checkCertificationEligibility", delegate("CheckCertificationEligibility"));
        Mocks.register("enforceFourEyes", newInstance("FourEyes", null));
        Mocks.register("notifyCertificationIneligible", recording("notifyIneligible"));
        Mocks.register("notifyCertificationRejected", recording("notifyRejected"));
        Mocks.register("issueCertificate", (JavaDelegate) e -> {
            calls.add("issue");
            Instant validUntil = Instant.now().plus(365, ChronoUnit.DAYS);
            CertificationProcess.CERTIFICATE_ID.set(e, "cert-1");
            CertificationProcess.CERTIFICATE_VALID_UNTIL.set(e, validUntil);
            CertificationProcess.RENEWAL_REMINDER_DATE.set(e, validUntil.minus(30, ChronoUnit.DAYS));
        });
        Mocks.register("sendCertificateRenewalReminder", recording("remind"));
        Mocks.register("gatherRenewalEvidence", (JavaDelegate) e -> {
            calls.add("renewalEvidence");
            CertificationProcess.RUNS_SINCE_ISSUE.set(e, 2);
        });
        Mocks.register("renewCertificate", (JavaDelegate) e -> {
            calls.add("renew");
            Instant validUntil =
                    CertificationProcess.CERTIFICATE_VALID_UNTIL.get(e).plus(365, ChronoUnit.DAYS);
            CertificationProcess.CERTIFICATE_VALID_UNTIL.set(e, validUntil);
            CertificationProcess.RENEWAL_REMINDER_DATE.set(e, validUntil.minus(30, ChronoUnit.DAYS));
        });
        Mocks.register("expireCertificate", recording("expire"));
        Mocks.register("revokeCertificate", (JavaDelegate) e -> {
            calls.add("revoke:" + CertificationProcess.REVOCATION_REASON.get(e));
        });
    }

    @AfterEach
    void tearDown() {
        processEngine.getIdentityService().clearAuthentication();
        Mocks.reset();
    }

    /** The real decision delegate needs the engine's DecisionService (package-private class). */
    private Object delegate(String simpleName) throws Exception {
        return newInstance(simpleName, processEngine.getDecisionService());
    }

    private static Object newInstance(String simpleName, Object argument) throws Exception {
        String pkg = CertificationProcess.class.getPackageName() + ".internal.";
        Class<?> type = simpleName.equals("FourEyes")
                ? Class.forName(pkg + simpleName)
                : Class.forName(pkg + "ProcessDelegates$" + simpleName);
        var constructor = type.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return argument == null ? constructor.newInstance() : constructor.newInstance(argument);
    }

    private JavaDelegate recording(String name) {
        return (DelegateExecution e) -> calls.add(name);
    }

    ProcessInstance startFromJourney() {
        var variables = Variables.createVariables();
        CertificationProcess.APPLICANT_ID.putIn(variables, "trainee");
        CertificationProcess.MENTOR_ID.putIn(variables, "mentor");
        CertificationProcess.ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        CertificationProcess.TRAINING_COMPLETED.putIn(variables, true);
        return processEngine
                .getRuntimeService()
                .startProcessInstanceByKey(CertificationProcess.KEY, "application-42", variables);
    }

    void review(ProcessInstance instance, String decision) {
        var review = task(CertificationProcess.USER_REVIEW_CERTIFICATION, instance);
        assertThat(review).hasName("Review the certification of trainee for ceb-press");
        processEngine.getIdentityService().setAuthenticatedUserId("certifier");
        processEngine.getTaskService().claim(review.getId(), "certifier");
        processEngine
                .getTaskService()
                .complete(
                        review.getId(),
                        Map.of(
                                CertificationProcess.REVIEW_DECISION.name(),
                                decision,
                                CertificationProcess.REVIEW_COMMENT.name(),
                                "Reviewed the runs."));
        processEngine.getIdentityService().clearAuthentication();
    }

    ProcessInstance certified() {
        var instance = startFromJourney();
        review(instance, CertificationProcess.REVIEW_CERTIFY);
        assertThat(instance).isWaitingAt(CertificationProcess.SERVICE_ISSUE_CERTIFICATE);
        execute(job());
        assertThat(instance)
                .hasPassed(CertificationProcess.THROW_CERTIFICATE_ISSUED)
                .isWaitingAt(CertificationProcess.TIMER_RENEWAL_REMINDER)
                .variables()
                .containsEntry("certificateId", "cert-1")
                .containsEntry("certifierId", "certifier");
        return instance;
    }

    void dueForRenewal(ProcessInstance instance) {
        execute(jobQuery()
                .activityId(CertificationProcess.TIMER_RENEWAL_REMINDER)
                .singleResult());
        assertThat(instance).isWaitingAt(CertificationProcess.SERVICE_SEND_RENEWAL_REMINDER);
        execute(job());
        assertThat(instance).isWaitingAt(CertificationProcess.USER_APPLY_FOR_RENEWAL);
        var renewal = task(CertificationProcess.USER_APPLY_FOR_RENEWAL, instance);
        assertThat(renewal).isAssignedTo("trainee").hasName("Apply to renew your ceb-press certificate");
        // Due when the certificate expires, and the description says which certificate.
        org.assertj.core.api.Assertions.assertThat(renewal.getDueDate())
                .isEqualTo(processEngine.getRuntimeService().getVariable(instance.getId(), "certificateValidUntil"));
        org.assertj.core.api.Assertions.assertThat(renewal.getDescription())
                .startsWith("Certificate cert-1 of trainee for ceb-press expires on the due date of this task.");
    }

    @Test
    void escalationCodeIsTheOneTheJourneyCatches() {
        org.assertj.core.api.Assertions.assertThat(CertificationProcess.ESCALATION_CERTIFICATE_ISSUED)
                .isEqualTo(JourneyProcess.ESCALATION_CERTIFICATE_ISSUED);
    }

    @Test
    void ineligibleApplicantIsToldTheReasons() {
        verifiedRuns = 0;
        documentationPublished = false;
        var instance = startFromJourney();

        assertThat(instance)
                .isWaitingAt(CertificationProcess.SERVICE_NOTIFY_INELIGIBLE)
                .variables()
                .containsEntry("eligible", false);
        org.assertj.core.api.Assertions.assertThat(CertificationProcess.ELIGIBILITY_REASONS.from(
                        processEngine.getRuntimeService().getVariables(instance.getId())))
                .hasValueSatisfying(reasons -> org.assertj.core.api.Assertions.assertThat(reasons.split("\n"))
                        .hasSize(3)
                        .anyMatch(r -> r.contains("3 units"))
                        .anyMatch(r -> r.contains("production run verified"))
                        .anyMatch(r -> r.contains("documentation")));
        execute(job());

        assertThat(instance).hasPassed(CertificationProcess.END_INELIGIBLE).isEnded();
        org.assertj.core.api.Assertions.assertThat(calls).containsExactly("gather", "notifyIneligible");
    }

    @Test
    void certifierRejects() {
        var instance = startFromJourney();
        assertThat(instance).variables().containsEntry("eligible", true).containsEntry("eligibilityReasons", "");

        review(instance, CertificationProcess.REVIEW_REJECT);
        execute(job());

        assertThat(instance).hasPassed(CertificationProcess.END_REJECTED).isEnded();
        org.assertj.core.api.Assertions.assertThat(calls).contains("notifyRejected");
    }

    @Test
    void certifierAsksForMoreEvidenceThenCertifies() {
        var instance = startFromJourney();
        review(instance, CertificationProcess.REVIEW_MORE_EVIDENCE);

        assertThat(instance).isWaitingAt(CertificationProcess.USER_PROVIDE_MORE_EVIDENCE);
        assertThat(task()).isAssignedTo("trainee");
        BpmnAwareTestsBridge.complete(task(), Map.of("additionalEvidence", "Second run documented on the wiki."));

        assertThat(instance).isWaitingAt(CertificationProcess.USER_REVIEW_CERTIFICATION);
        org.assertj.core.api.Assertions.assertThat(calls).containsExactly("gather", "gather");
        review(instance, CertificationProcess.REVIEW_CERTIFY);
        execute(job());
        assertThat(instance).isWaitingAt(CertificationProcess.TIMER_RENEWAL_REMINDER);
    }

    @Test
    void fourEyesKeepsMentorAndApplicantOffTheReview() {
        var instance = startFromJourney();
        var review = task(CertificationProcess.USER_REVIEW_CERTIFICATION, instance);
        var tasks = processEngine.getTaskService();

        assertThatThrownBy(() -> tasks.claim(review.getId(), "mentor"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("mentored");
        assertThatThrownBy(() -> tasks.setAssignee(review.getId(), "trainee"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("applied");
        processEngine.getIdentityService().setAuthenticatedUserId("mentor");
        assertThatThrownBy(() ->
                        tasks.complete(review.getId(), Map.of(CertificationProcess.REVIEW_DECISION.name(), "certify")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Four-eyes rule");
        processEngine.getIdentityService().clearAuthentication();

        assertThat(instance).isWaitingAt(CertificationProcess.USER_REVIEW_CERTIFICATION);
        review(instance, CertificationProcess.REVIEW_CERTIFY);
        assertThat(instance).isWaitingAt(CertificationProcess.SERVICE_ISSUE_CERTIFICATE);
    }

    @Test
    void renewedCertificateWaitsForTheNextRenewal() {
        var instance = certified();
        dueForRenewal(instance);
        BpmnAwareTestsBridge.complete(task(), Map.of("renewalNote", "Built 8 more presses this year."));

        assertThat(instance).isWaitingAt(CertificationProcess.USER_REVIEW_RENEWAL);
        var review = task(CertificationProcess.USER_REVIEW_RENEWAL, instance);
        assertThatThrownBy(() -> processEngine.getTaskService().claim(review.getId(), "mentor"))
                .isInstanceOf(ProcessEngineException.class);
        processEngine.getTaskService().claim(review.getId(), "certifier");
        BpmnAwareTestsBridge.complete(review, Map.of("renewalDecision", "renew"));

        assertThat(instance)
                .hasPassed(CertificationProcess.SERVICE_RENEW_CERTIFICATE)
                .isWaitingAt(CertificationProcess.TIMER_RENEWAL_REMINDER);
        org.assertj.core.api.Assertions.assertThat(calls).contains("remind", "renewalEvidence", "renew");
    }

    @Test
    void declinedRenewalExpiresTheCertificate() {
        var instance = certified();
        dueForRenewal(instance);
        BpmnAwareTestsBridge.complete(task(), Map.of("renewalNote", "No production this year."));
        var review = task(CertificationProcess.USER_REVIEW_RENEWAL, instance);
        processEngine.getTaskService().claim(review.getId(), "certifier");
        BpmnAwareTestsBridge.complete(review, Map.of("renewalDecision", "decline"));

        assertThat(instance)
                .hasPassed(
                        CertificationProcess.SERVICE_EXPIRE_CERTIFICATE, CertificationProcess.END_CERTIFICATE_EXPIRED)
                .isEnded();
    }

    @Test
    void certificateExpiresWhenRenewalIsNotDoneInTime() {
        var instance = certified();
        dueForRenewal(instance);

        execute(jobQuery()
                .activityId(CertificationProcess.TIMER_CERTIFICATE_EXPIRED)
                .singleResult());

        assertThat(instance)
                .hasNotPassed(CertificationProcess.USER_REVIEW_RENEWAL)
                .hasPassed(
                        CertificationProcess.SERVICE_EXPIRE_CERTIFICATE, CertificationProcess.END_CERTIFICATE_EXPIRED)
                .isEnded();
        org.assertj.core.api.Assertions.assertThat(calls).contains("expire");
    }

    @Test
    void revocationEndsTheCertificateAtAnyTime() {
        var instance = certified();

        processEngine
                .getRuntimeService()
                .createMessageCorrelation(CertificationProcess.MESSAGE_CERTIFICATE_REVOKED)
                .processInstanceBusinessKey("application-42")
                .setVariable(CertificationProcess.REVOCATION_REASON.name(), "Sold units that failed QC")
                .correlate();

        assertThat(instance)
                .hasPassed(
                        CertificationProcess.SERVICE_REVOKE_CERTIFICATE, CertificationProcess.END_CERTIFICATE_REVOKED)
                .isEnded();
        org.assertj.core.api.Assertions.assertThat(calls).contains("revoke:Sold units that failed QC");
    }

    /** complete() of camunda-bpm-assert, named apart from the review helper above. */
    static final class BpmnAwareTestsBridge {
        static void complete(org.camunda.bpm.engine.task.Task task, Map<String, Object> variables) {
            org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(task, variables);
        }
    }
}
