package org.opensourceecology.incubator.download.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensourceecology.incubator.download.FollowUpProcess;
import org.springframework.stereotype.Component;

/** {@code service_send_follow_up_invitation}: invites to immersion training or to register an enterprise. */
@Component("sendFollowUpInvitation")
class SendFollowUpInvitation implements JavaDelegate {

    static final String MAIL = "download-follow-up-invitation";

    private final FollowUpMail mail;

    SendFollowUpInvitation(FollowUpMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.send(FollowUpProcess.DOWNLOAD_ID.get(execution), MAIL);
    }
}
