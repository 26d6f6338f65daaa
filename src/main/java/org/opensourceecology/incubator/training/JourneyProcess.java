package org.opensourceecology.incubator.training;

import org.opensourceecology.incubator.process.ProcessVariable;

/**
 * The {@code distributive-enterprise-journey} process: application, immersion training, production
 * run, certification and replication, one instance per trainee and enterprise. Its ids and variables.
 */
public final class JourneyProcess {

    public static final String KEY = "distributive-enterprise-journey";

    public static final String START_APPLICATION_SUBMITTED = "start_application_submitted";
    public static final String SERVICE_REGISTER_APPLICATION = "service_register_application";
    public static final String CALL_IMMERSION_TRAINING = "call_immersion_training";
    public static final String GATEWAY_TRAINING_COMPLETED = "gateway_training_completed";
    public static final String CALL_PRODUCTION_RUN = "call_production_run";
    public static final String CALL_CERTIFICATION = "call_certification";
    public static final String BOUNDARY_CERTIFICATE_ISSUED = "boundary_certificate_issued";
    public static final String CALL_REPLICATION = "call_replication";
    public static final String END_TRAINING_NOT_COMPLETED = "end_training_not_completed";
    public static final String END_CERTIFICATION_CLOSED = "end_certification_closed";
    public static final String END_ENTERPRISE_CLOSED = "end_enterprise_closed";

    /** The escalation the certification process throws when it issues a certificate. */
    public static final String ESCALATION_CERTIFICATE_ISSUED = "certificate-issued";

    // Submitted by the start form (forms/apply-for-training.form)
    public static final ProcessVariable<String> TRAINEE_ID = ProcessVariable.string("traineeId");
    public static final ProcessVariable<String> ENTERPRISE_SLUG = ProcessVariable.string("enterpriseSlug");
    public static final ProcessVariable<String> MOTIVATION = ProcessVariable.string("motivation");
    public static final ProcessVariable<String> PRIOR_SKILLS = ProcessVariable.string("priorSkills");
    public static final ProcessVariable<String> CITY = ProcessVariable.string("city");
    public static final ProcessVariable<String> COUNTRY = ProcessVariable.string("country");
    public static final ProcessVariable<String> DOWNLOAD_EMAIL = ProcessVariable.string("downloadEmail");
    /**
     * The start form's checkbox: consent to show the evidence links and notes of signed-off milestones
     * on the enterprise's public documentation page. Read once on registration; afterwards the
     * application record holds the consent (and its withdrawal), not this variable.
     */
    public static final ProcessVariable<Boolean> CONSENT_PUBLIC_DOCUMENTATION =
            ProcessVariable.bool("consentPublicDocumentation");

    // Set along the way
    public static final ProcessVariable<Long> APPLICATION_ID = ProcessVariable.longValue("applicationId");
    public static final ProcessVariable<Boolean> TRAINING_COMPLETED = ProcessVariable.bool("trainingCompleted");
    public static final ProcessVariable<String> MENTOR_ID = ProcessVariable.string("mentorId");
    public static final ProcessVariable<Long> PRODUCTION_RUN_ID = ProcessVariable.longValue("productionRunId");

    private JourneyProcess() {}
}
