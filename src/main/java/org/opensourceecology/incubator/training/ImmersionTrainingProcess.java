package org.opensourceecology.incubator.training;

import java.time.Instant;
import org.opensourceecology.incubator.process.ProcessVariable;

/**
 * The {@code immersion-training} process, called by the journey: application review, mentor
 * assignment, cohort enrolment and one sign-off loop per milestone of the enterprise's curriculum.
 * Its ids and variables.
 */
public final class ImmersionTrainingProcess {

    public static final String KEY = "immersion-training";

    public static final String START_TRAINING_REQUESTED = "start_training_requested";
    public static final String USER_REVIEW_APPLICATION = "user_review_application";
    public static final String GATEWAY_REVIEW_DECISION = "gateway_review_decision";
    public static final String SERVICE_REJECT_APPLICATION = "service_reject_application";
    public static final String END_APPLICATION_REJECTED = "end_application_rejected";
    public static final String SERVICE_ASSIGN_MENTOR = "service_assign_mentor";
    public static final String SERVICE_ENROL_IN_COHORT = "service_enrol_in_cohort";
    public static final String SUBPROCESS_MILESTONE = "subprocess_milestone";
    public static final String SERVICE_OPEN_MILESTONE = "service_open_milestone";
    public static final String GATEWAY_MILESTONE_JOIN = "gateway_milestone_join";
    public static final String USER_COMPLETE_MILESTONE = "user_complete_milestone";
    public static final String TIMER_MILESTONE_OVERRUN = "timer_milestone_overrun";
    public static final String SERVICE_REMIND_TRAINEE = "service_remind_trainee";
    public static final String SERVICE_RECORD_SUBMISSION = "service_record_submission";
    public static final String USER_SIGN_OFF_MILESTONE = "user_sign_off_milestone";
    public static final String TIMER_MENTOR_REMINDER = "timer_mentor_reminder";
    public static final String SERVICE_REMIND_MENTOR = "service_remind_mentor";
    public static final String TIMER_ADMIN_ESCALATION = "timer_admin_escalation";
    public static final String SERVICE_ALERT_ADMINS = "service_alert_admins";
    public static final String SERVICE_RECORD_SIGN_OFF = "service_record_sign_off";
    public static final String GATEWAY_SIGN_OFF_DECISION = "gateway_sign_off_decision";
    public static final String END_MILESTONE_SIGNED_OFF = "end_milestone_signed_off";
    public static final String SERVICE_COMPLETE_TRAINING = "service_complete_training";
    public static final String END_TRAINING_COMPLETED = "end_training_completed";

    /** Values of {@link #REVIEW_DECISION}. */
    public static final String ACCEPT = "accept";

    public static final String REJECT = "reject";

    /** Values of {@link #SIGN_OFF_DECISION}. */
    public static final String APPROVE = "approve";

    public static final String RETURN = "return";

    // In from the journey
    public static final ProcessVariable<Long> APPLICATION_ID = JourneyProcess.APPLICATION_ID;
    public static final ProcessVariable<String> TRAINEE_ID = JourneyProcess.TRAINEE_ID;
    public static final ProcessVariable<String> ENTERPRISE_SLUG = JourneyProcess.ENTERPRISE_SLUG;

    // Task-local, shown by the review form (forms/review-application.form)
    public static final ProcessVariable<String> MOTIVATION = JourneyProcess.MOTIVATION;
    public static final ProcessVariable<String> PRIOR_SKILLS = JourneyProcess.PRIOR_SKILLS;
    public static final ProcessVariable<String> LOCATION = ProcessVariable.string("location");

    // Submitted by the review form
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.string("reviewDecision");
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.string("rejectionReason");
    public static final ProcessVariable<String> MENTOR_OVERRIDE = ProcessVariable.string("mentorOverride");

    // Set by the service tasks
    public static final ProcessVariable<String> MENTOR_ID = JourneyProcess.MENTOR_ID;
    public static final ProcessVariable<String> TRAINEE_NAME = ProcessVariable.string("traineeName");
    public static final ProcessVariable<Long> COHORT_ID = ProcessVariable.longValue("cohortId");
    public static final ProcessVariable<Integer> MILESTONE_COUNT = ProcessVariable.integer("milestoneCount");
    public static final ProcessVariable<Boolean> TRAINING_COMPLETED = JourneyProcess.TRAINING_COMPLETED;

    // Local to one milestone (one instance of subprocess_milestone)
    public static final ProcessVariable<Integer> LOOP_COUNTER = ProcessVariable.integer("loopCounter");
    public static final ProcessVariable<Long> MILESTONE_ID = ProcessVariable.longValue("milestoneId");
    public static final ProcessVariable<String> MILESTONE_TITLE = ProcessVariable.string("milestoneTitle");
    public static final ProcessVariable<String> MILESTONE_DESCRIPTION = ProcessVariable.string("milestoneDescription");
    public static final ProcessVariable<String> MILESTONE_EVIDENCE_REQUIRED =
            ProcessVariable.string("milestoneEvidenceRequired");
    public static final ProcessVariable<Instant> MILESTONE_DUE_DATE = ProcessVariable.instant("milestoneDueDate");
    /** ISO 8601 duration of the milestone's overrun timer, e.g. P14D. */
    public static final ProcessVariable<String> MILESTONE_EXPECTED_DURATION =
            ProcessVariable.string("milestoneExpectedDuration");

    // Submitted by the complete-milestone form
    public static final ProcessVariable<String> EVIDENCE_URLS = ProcessVariable.string("evidenceUrls");
    public static final ProcessVariable<String> NOTES = ProcessVariable.string("notes");
    public static final ProcessVariable<Integer> HOURS_SPENT = ProcessVariable.integer("hoursSpent");

    // Submitted by the sign-off-milestone form
    public static final ProcessVariable<String> SIGN_OFF_DECISION = ProcessVariable.string("signOffDecision");
    public static final ProcessVariable<String> MENTOR_COMMENT = ProcessVariable.string("mentorComment");

    private ImmersionTrainingProcess() {}
}
