package org.opensourceecology.incubator.download.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensourceecology.incubator.download.FollowUpProcess;
import org.springframework.stereotype.Component;

/** {@code service_send_manual_link}: mails the Operations Manual link, with the unsubscribe link. */
@Component("sendManualLink")
class SendManualLink implements JavaDelegate {

    static final String MAIL = "download-manual-link";

    private final FollowUpMail mail;

    SendManualLink(FollowUpMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.send(FollowUpProcess.DOWNLOAD_ID.get(execution), MAIL);
    }
}
