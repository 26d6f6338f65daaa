package org.opensourceecology.incubator.notification;

import java.util.Locale;
import java.util.Map;

/**
 * Sends mail to people. A call writes the rendered mail to the outbox in the caller's transaction;
 * delivery happens after commit, with retries, so a mail is never lost and never sent for work that
 * was rolled back.
 */
public interface Notifications {

    /**
     * Queues a mail rendered from {@code templates/mail/<template>.txt}, with the subject from the
     * message {@code mail.<template>.subject}.
     *
     * @return the outbox id of the queued mail
     */
    long send(String recipientEmail, String template, Map<String, ?> model, Locale locale);

    /** Queues a mail to a user of the identity store; a user without an email address gets none. */
    void sendToUser(String userId, String template, Map<String, ?> model);

    /** Queues a mail to every member of a group (for example admins). */
    void sendToGroup(String groupId, String template, Map<String, ?> model);

    /**
     * Cancels mail to this address that has not gone out yet (consent withdrawn, person erased).
     *
     * @return how many queued mails were cancelled
     */
    int cancelPendingTo(String recipientEmail);
}
