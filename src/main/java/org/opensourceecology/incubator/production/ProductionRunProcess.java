package org.opensourceecology.incubator.production;

import org.opensourceecology.incubator.process.ProcessVariable;

/**
 * The {@code production-run} process: a trainee plans and records a dogfooded production run, the
 * quality control is evaluated and the mentor verifies it. Its ids and variables.
 */
public final class ProductionRunProcess {

    public static final String KEY = "production-run";

    public static final String START_PRODUCTION_RUN = "start_production_run";
    public static final String USER_PLAN_PRODUCTION_RUN = "user_plan_production_run";
    public static final String SERVICE_OPEN_PRODUCTION_RUN = "service_open_production_run";
    public static final String GATEWAY_RECORDING = "gateway_recording";
    public static final String USER_RECORD_PRODUCTION_RUN = "user_record_production_run";
    public static final String SERVICE_EVALUATE_QUALITY_CONTROL = "service_evaluate_quality_control";
    public static final String USER_VERIFY_PRODUCTION_RUN = "user_verify_production_run";
    public static final String GATEWAY_RUN_VERIFIED = "gateway_run_verified";
    public static final String SERVICE_REQUEST_CORRECTION = "service_request_correction";
    public static final String SERVICE_MARK_RUN_VERIFIED = "service_mark_run_verified";
    public static final String END_PRODUCTION_RUN_VERIFIED = "end_production_run_verified";

    /** Values of {@link #VERIFICATION_DECISION}. */
    public static final String DECISION_VERIFY = "verify";

    public static final String DECISION_CORRECT = "correct";

    // Passed in by the journey
    public static final ProcessVariable<Long> APPLICATION_ID = ProcessVariable.longValue("applicationId");
    public static final ProcessVariable<String> TRAINEE_ID = ProcessVariable.string("traineeId");
    public static final ProcessVariable<String> MENTOR_ID = ProcessVariable.string("mentorId");
    public static final ProcessVariable<String> ENTERPRISE_SLUG = ProcessVariable.string("enterpriseSlug");

    // Form plan-production-run
    public static final ProcessVariable<Integer> PLANNED_UNITS = ProcessVariable.integer("plannedUnits");
    public static final ProcessVariable<String> CURRENCY = ProcessVariable.string("currency");
    public static final ProcessVariable<Double> TARGET_PRICE = ProcessVariable.decimal("targetPrice");

    // Set along the way
    public static final ProcessVariable<Long> PRODUCTION_RUN_ID = ProcessVariable.longValue("productionRunId");
    public static final ProcessVariable<Double> QC_PASS_RATE = ProcessVariable.decimal("qcPassRate");

    // Form verify-production-run
    public static final ProcessVariable<String> VERIFICATION_DECISION = ProcessVariable.string("verificationDecision");
    public static final ProcessVariable<String> CORRECTION_COMMENT = ProcessVariable.string("correctionComment");

    private ProductionRunProcess() {}
}
