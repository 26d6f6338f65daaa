package org.opensourceecology.incubator.download.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.opensourceecology.incubator.download.FollowUpProcess;
import org.springframework.stereotype.Component;

/** The one port of {@code operations-manual-follow-up}: start it, end it by message. Business key = download id. */
@Component
class FollowUpPort {

    private final RuntimeService runtimeService;

    FollowUpPort(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    void start(long downloadId, String emailHash) {
        var variables = Variables.createVariables();
        FollowUpProcess.DOWNLOAD_ID.putIn(variables, downloadId);
        FollowUpProcess.EMAIL_HASH.putIn(variables, emailHash);
        runtimeService.startProcessInstanceByKey(FollowUpProcess.KEY, String.valueOf(downloadId), variables);
    }

    /** Ends every follow-up of downloads made with this email; none running is fine. */
    void trainingApplied(String emailHash) {
        runtimeService
                .createMessageCorrelation(FollowUpProcess.MESSAGE_TRAINING_APPLIED)
                .processInstanceVariableEquals(FollowUpProcess.EMAIL_HASH.name(), emailHash)
                .correlateAll();
    }

    /** Ends the follow-up of this download; none running (ended, or unsubscribed before) is fine. */
    void unsubscribed(long downloadId) {
        runtimeService
                .createMessageCorrelation(FollowUpProcess.MESSAGE_UNSUBSCRIBED)
                .processInstanceBusinessKey(String.valueOf(downloadId))
                .correlateAll();
    }
}
