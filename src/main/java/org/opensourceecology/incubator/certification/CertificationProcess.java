package org.opensourceecology.incubator.certification;

import java.time.Instant;
import org.opensourceecology.incubator.process.ProcessVariable;

/**
 * The {@code certification} process: evidence, the eligibility decision, the certifier's review, the
 * certificate and its lifecycle (renewal, expiry, revocation). Its ids and variables.
 */
public final class CertificationProcess {

    public static final String KEY = "certification";
    public static final String DECISION_ELIGIBILITY = "certification-eligibility";

    public static final String START_CERTIFICATION_REQUESTED = "start_certification_requested";
    public static final String GATEWAY_EVIDENCE = "gateway_evidence";
    public static final String SERVICE_GATHER_CERTIFICATION_EVIDENCE = "service_gather_certification_evidence";
    public static final String SERVICE_CHECK_ELIGIBILITY = "service_check_eligibility";
    public static final String GATEWAY_ELIGIBLE = "gateway_eligible";
    public static final String SERVICE_NOTIFY_INELIGIBLE = "service_notify_ineligible";
    public static final String END_INELIGIBLE = "end_ineligible";
    public static final String USER_REVIEW_CERTIFICATION = "user_review_certification";
    public static final String GATEWAY_REVIEW_DECISION = "gateway_review_decision";
    public static final String SERVICE_NOTIFY_REJECTION = "service_notify_rejection";
    public static final String END_REJECTED = "end_rejected";
    public static final String USER_PROVIDE_MORE_EVIDENCE = "user_provide_more_evidence";
    public static final String SERVICE_ISSUE_CERTIFICATE = "service_issue_certificate";
    public static final String THROW_CERTIFICATE_ISSUED = "throw_certificate_issued";
    public static final String SUBPROCESS_CERTIFICATE_LIFECYCLE = "subprocess_certificate_lifecycle";
    public static final String GATEWAY_LIFECYCLE = "gateway_lifecycle";
    public static final String TIMER_RENEWAL_REMINDER = "timer_renewal_reminder";
    public static final String SERVICE_SEND_RENEWAL_REMINDER = "service_send_renewal_reminder";
    public static final String SUBPROCESS_RENEWAL = "subprocess_renewal";
    public static final String END_RENEWAL_REVIEWED = "end_renewal_reviewed";
    public static final String USER_APPLY_FOR_RENEWAL = "user_apply_for_renewal";
    public static final String SERVICE_GATHER_RENEWAL_EVIDENCE = "service_gather_renewal_evidence";
    public static final String USER_REVIEW_RENEWAL = "user_review_renewal";
    public static final String TIMER_CERTIFICATE_EXPIRED = "timer_certificate_expired";
    public static final String GATEWAY_RENEWAL_DECISION = "gateway_renewal_decision";
    public static final String SERVICE_RENEW_CERTIFICATE = "service_renew_certificate";
    public static final String GATEWAY_EXPIRY = "gateway_expiry";
    public static final String SERVICE_EXPIRE_CERTIFICATE = "service_expire_certificate";
    public static final String END_LIFECYCLE_OVER = "end_lifecycle_over";
    public static final String END_CERTIFICATE_EXPIRED = "end_certificate_expired";
    public static final String BOUNDARY_CERTIFICATE_REVOKED = "boundary_certificate_revoked";
    public static final String SERVICE_REVOKE_CERTIFICATE = "service_revoke_certificate";
    public static final String END_CERTIFICATE_REVOKED = "end_certificate_revoked";

    /** Message correlated (by business key) when a certifier revokes the certificate. */
    public static final String MESSAGE_CERTIFICATE_REVOKED = "CertificateRevoked";

    /**
     * The escalation thrown when a certificate is issued; the journey catches it. The same code as
     * {@code training.JourneyProcess.ESCALATION_CERTIFICATE_ISSUED}, repeated here so that
     * certification does not depend on training (a test keeps both equal).
     */
    public static final String ESCALATION_CERTIFICATE_ISSUED = "certificate-issued";

    /** Values of {@link #REVIEW_DECISION}. */
    public static final String REVIEW_CERTIFY = "certify";

    public static final String REVIEW_REJECT = "reject";
    public static final String REVIEW_MORE_EVIDENCE = "more-evidence";

    /** Values of {@link #RENEWAL_DECISION}. */
    public static final String RENEWAL_RENEW = "renew";

    public static final String RENEWAL_DECLINE = "decline";

    // In: from the journey, or the start form apply-for-certification (initiator applicantId)
    public static final ProcessVariable<String> APPLICANT_ID = ProcessVariable.string("applicantId");
    public static final ProcessVariable<String> MENTOR_ID = ProcessVariable.string("mentorId");
    public static final ProcessVariable<String> ENTERPRISE_SLUG = ProcessVariable.string("enterpriseSlug");
    public static final ProcessVariable<Boolean> TRAINING_COMPLETED = ProcessVariable.bool("trainingCompleted");
    public static final ProcessVariable<String> PRIOR_EXPERIENCE = ProcessVariable.string("priorExperience");

    // Evidence (service_gather_certification_evidence), the inputs of certification-eligibility
    public static final ProcessVariable<Long> CERTIFICATION_APPLICATION_ID =
            ProcessVariable.longValue("certificationApplicationId");
    public static final ProcessVariable<Boolean> PRIOR_EXPERIENCE_DECLARED =
            ProcessVariable.bool("priorExperienceDeclared");
    public static final ProcessVariable<Integer> VERIFIED_RUNS = ProcessVariable.integer("verifiedRuns");
    public static final ProcessVariable<Integer> UNITS_BUILT = ProcessVariable.integer("unitsBuilt");
    public static final ProcessVariable<Double> QC_PASS_RATE = ProcessVariable.decimal("qcPassRate");
    public static final ProcessVariable<Boolean> DOCUMENTATION_PUBLISHED =
            ProcessVariable.bool("documentationPublished");
    public static final ProcessVariable<Boolean> LICENCE_OPEN = ProcessVariable.bool("licenceOpen");

    // Eligibility (service_check_eligibility)
    public static final ProcessVariable<Boolean> ELIGIBLE = ProcessVariable.bool("eligible");
    public static final ProcessVariable<String> ELIGIBILITY_REASONS = ProcessVariable.string("eligibilityReasons");

    // Forms review-certification and provide-more-evidence
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.string("reviewDecision");
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.string("reviewComment");
    public static final ProcessVariable<String> ADDITIONAL_EVIDENCE = ProcessVariable.string("additionalEvidence");
    /** The certifier who completed the last review (set by the four-eyes task listener). */
    public static final ProcessVariable<String> CERTIFIER_ID = ProcessVariable.string("certifierId");

    // The certificate (service_issue_certificate, service_renew_certificate)
    public static final ProcessVariable<String> CERTIFICATE_ID = ProcessVariable.string("certificateId");
    public static final ProcessVariable<Instant> CERTIFICATE_VALID_UNTIL =
            ProcessVariable.instant("certificateValidUntil");
    public static final ProcessVariable<Instant> RENEWAL_REMINDER_DATE = ProcessVariable.instant("renewalReminderDate");

    // Renewal (forms apply-for-renewal, review-renewal; service_gather_renewal_evidence)
    public static final ProcessVariable<String> RENEWAL_NOTE = ProcessVariable.string("renewalNote");
    public static final ProcessVariable<Integer> RUNS_SINCE_ISSUE = ProcessVariable.integer("verifiedRunsInPeriod");
    public static final ProcessVariable<Integer> REPORTS_IN_PERIOD = ProcessVariable.integer("reportsInPeriod");
    public static final ProcessVariable<String> RENEWAL_DECISION = ProcessVariable.string("renewalDecision");

    // Revocation (message CertificateRevoked)
    public static final ProcessVariable<String> REVOCATION_REASON = ProcessVariable.string("revocationReason");

    private CertificationProcess() {}
}
