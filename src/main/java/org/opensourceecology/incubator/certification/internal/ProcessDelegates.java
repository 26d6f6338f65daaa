package org.opensourceecology.incubator.certification.internal;

import static org.opensourceecology.incubator.certification.CertificationProcess.*;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.opensourceecology.incubator.certification.CertificationProcess;
import org.springframework.stereotype.Component;

/** The service tasks of {@code certification}: thin adapters from process variables to the module. */
final class ProcessDelegates {

    private ProcessDelegates() {}

    @Component("gatherCertificationEvidence")
    static class GatherCertificationEvidence implements JavaDelegate {

        private final CertificationService certification;

        GatherCertificationEvidence(CertificationService certification) {
            this.certification = certification;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String applicantId = APPLICANT_ID.get(execution);
            String slug = ENTERPRISE_SLUG.get(execution);
            String prior = PRIOR_EXPERIENCE.find(execution).orElse("").trim();
            if (CERTIFICATION_APPLICATION_ID.find(execution).isEmpty()) {
                String businessKey = execution.getProcessBusinessKey();
                if (businessKey == null || businessKey.isBlank()) {
                    businessKey = "certification-" + CertificationService.randomToken(12);
                    execution.setProcessBusinessKey(businessKey);
                }
                long applicationId = certification.register(
                        businessKey,
                        applicantId,
                        slug,
                        MENTOR_ID.find(execution).orElse(null),
                        prior);
                CERTIFICATION_APPLICATION_ID.set(execution, applicationId);
            }
            var evidence = certification.evidence(applicantId, slug);
            TRAINING_COMPLETED.set(execution, TRAINING_COMPLETED.getOrDefault(execution, false));
            PRIOR_EXPERIENCE_DECLARED.set(execution, !prior.isEmpty());
            VERIFIED_RUNS.set(execution, evidence.verifiedRuns());
            UNITS_BUILT.set(execution, evidence.unitsBuilt());
            QC_PASS_RATE.set(execution, evidence.qcPassRate());
            DOCUMENTATION_PUBLISHED.set(execution, evidence.documentationPublished());
            LICENCE_OPEN.set(execution, evidence.licenceOpen());
        }
    }

    /**
     * Evaluates {@code certification-eligibility} (hit policy COLLECT): eligible only when the
     * all-met rule matched and no failing criterion did; the reasons of failing rules, one a line.
     */
    @Component("checkCertificationEligibility")
    static class CheckCertificationEligibility implements JavaDelegate {

        private final DecisionService decisions;

        CheckCertificationEligibility(DecisionService decisions) {
            this.decisions = decisions;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var inputs = Variables.createVariables();
            TRAINING_COMPLETED.putIn(inputs, TRAINING_COMPLETED.getOrDefault(execution, false));
            PRIOR_EXPERIENCE_DECLARED.putIn(inputs, PRIOR_EXPERIENCE_DECLARED.getOrDefault(execution, false));
            VERIFIED_RUNS.putIn(inputs, VERIFIED_RUNS.getOrDefault(execution, 0));
            UNITS_BUILT.putIn(inputs, UNITS_BUILT.getOrDefault(execution, 0));
            QC_PASS_RATE.putIn(inputs, QC_PASS_RATE.getOrDefault(execution, 0.0));
            DOCUMENTATION_PUBLISHED.putIn(inputs, DOCUMENTATION_PUBLISHED.getOrDefault(execution, false));
            LICENCE_OPEN.putIn(inputs, LICENCE_OPEN.getOrDefault(execution, false));
            var result = decisions
                    .evaluateDecisionByKey(CertificationProcess.DECISION_ELIGIBILITY)
                    .variables(inputs)
                    .evaluate();
            boolean eligible =
                    !result.isEmpty() && result.stream().allMatch(r -> Boolean.TRUE.equals(r.getEntry("eligible")));
            String reasons = result.stream()
                    .filter(r -> !Boolean.TRUE.equals(r.getEntry("eligible")))
                    .map(r -> String.valueOf((Object) r.getEntry("reason")))
                    .collect(Collectors.joining("\n"));
            ELIGIBLE.set(execution, eligible);
            ELIGIBILITY_REASONS.set(execution, reasons);
        }
    }

    @Component("notifyCertificationIneligible")
    static class NotifyCertificationIneligible implements JavaDelegate {

        private final CertificationService certification;

        NotifyCertificationIneligible(CertificationService certification) {
            this.certification = certification;
        }

        @Override
        public void execute(DelegateExecution execution) {
            certification.notifyIneligible(
                    CERTIFICATION_APPLICATION_ID.get(execution),
                    APPLICANT_ID.get(execution),
                    ENTERPRISE_SLUG.get(execution),
                    ELIGIBILITY_REASONS.getOrDefault(execution, ""));
        }
    }

    @Component("notifyCertificationRejected")
    static class NotifyCertificationRejected implements JavaDelegate {

        private final CertificationService certification;

        NotifyCertificationRejected(CertificationService certification) {
            this.certification = certification;
        }

        @Override
        public void execute(DelegateExecution execution) {
            certification.notifyRejected(
                    CERTIFICATION_APPLICATION_ID.get(execution),
                    APPLICANT_ID.get(execution),
                    ENTERPRISE_SLUG.get(execution),
                    REVIEW_COMMENT.getOrDefault(execution, ""),
                    CERTIFIER_ID.find(execution).orElse(null));
        }
    }

    @Component("issueCertificate")
    static class IssueCertificate implements JavaDelegate {

        private final CertificationService certification;

        IssueCertificate(CertificationService certification) {
            this.certification = certification;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var certificate = certification.issue(
                    CERTIFICATION_APPLICATION_ID.get(execution),
                    CERTIFIER_ID.find(execution).orElse(null));
            CERTIFICATE_ID.set(execution, certificate.id());
            CERTIFICATE_VALID_UNTIL.set(execution, certificate.validUntil());
            RENEWAL_REMINDER_DATE.set(execution, certification.renewalReminderDate(certificate.validUntil()));
        }
    }

    @Component("sendCertificateRenewalReminder")
    static class SendCertificateRenewalReminder implements JavaDelegate {

        private final CertificationService certification;

        SendCertificateRenewalReminder(CertificationService certification) {
            this.certification = certification;
        }

        @Override
        public void execute(DelegateExecution execution) {
            certification.sendRenewalReminder(CERTIFICATE_ID.get(execution));
        }
    }

    @Component("gatherRenewalEvidence")
    static class GatherRenewalEvidence implements JavaDelegate {

        private final CertificationService certification;

        GatherRenewalEvidence(CertificationService certification) {
            this.certification = certification;
        }

        @Override
        public void execute(DelegateExecution execution) {
            RUNS_SINCE_ISSUE.set(execution, (int) certification.verifiedRunsInPeriod(CERTIFICATE_ID.get(execution)));
            REPORTS_IN_PERIOD.set(execution, (int) certification.reportsInPeriod(CERTIFICATE_ID.get(execution)));
        }
    }

    @Component("renewCertificate")
    static class RenewCertificate implements JavaDelegate {

        private final CertificationService certification;

        RenewCertificate(CertificationService certification) {
            this.certification = certification;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var validUntil = certification.renew(CERTIFICATE_ID.get(execution));
            CERTIFICATE_VALID_UNTIL.set(execution, validUntil);
            RENEWAL_REMINDER_DATE.set(execution, certification.renewalReminderDate(validUntil));
        }
    }

    @Component("expireCertificate")
    static class ExpireCertificate implements JavaDelegate {

        private final CertificationService certification;

        ExpireCertificate(CertificationService certification) {
            this.certification = certification;
        }

        @Override
        public void execute(DelegateExecution execution) {
            certification.expire(CERTIFICATE_ID.get(execution));
        }
    }

    @Component("revokeCertificate")
    static class RevokeCertificate implements JavaDelegate {

        private final CertificationService certification;

        RevokeCertificate(CertificationService certification) {
            this.certification = certification;
        }

        @Override
        public void execute(DelegateExecution execution) {
            certification.revoke(CERTIFICATE_ID.get(execution), REVOCATION_REASON.getOrDefault(execution, ""));
        }
    }
}
