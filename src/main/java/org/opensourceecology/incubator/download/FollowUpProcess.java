package org.opensourceecology.incubator.download;

import org.opensourceecology.incubator.process.ProcessVariable;

/**
 * The {@code operations-manual-follow-up} process: after a download with an email and consent, the
 * manual link at once, an invitation to train or replicate later, and an end when the person applies,
 * unsubscribes or does not answer. One instance per download; business key = the download id. The
 * engine never holds the email: only its hash, to correlate {@link #MESSAGE_TRAINING_APPLIED}.
 */
public final class FollowUpProcess {

    public static final String KEY = "operations-manual-follow-up";

    public static final String START_MANUAL_DOWNLOADED = "start_manual_downloaded";
    public static final String SERVICE_SEND_MANUAL_LINK = "service_send_manual_link";
    public static final String TIMER_FOLLOW_UP = "timer_follow_up";
    public static final String SERVICE_SEND_FOLLOW_UP_INVITATION = "service_send_follow_up_invitation";
    public static final String TIMER_FINAL_TIMEOUT = "timer_final_timeout";
    public static final String END_NO_RESPONSE = "end_no_response";
    public static final String SUB_TRAINING_APPLIED = "sub_training_applied";
    public static final String END_APPLIED = "end_applied";
    public static final String SUB_UNSUBSCRIBED = "sub_unsubscribed";
    public static final String END_UNSUBSCRIBED = "end_unsubscribed";

    public static final String MESSAGE_TRAINING_APPLIED = "TrainingApplied";
    public static final String MESSAGE_UNSUBSCRIBED = "Unsubscribed";

    public static final ProcessVariable<Long> DOWNLOAD_ID = ProcessVariable.longValue("downloadId");
    public static final ProcessVariable<String> EMAIL_HASH = ProcessVariable.string("emailHash");

    private FollowUpProcess() {}
}
