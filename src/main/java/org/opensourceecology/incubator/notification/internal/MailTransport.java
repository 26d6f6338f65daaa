package org.opensourceecology.incubator.notification.internal;

/** Delivers one rendered mail, or throws. */
interface MailTransport {

    void deliver(String from, OutboxMail mail) throws Exception;

    /** A short name for logs and the admin page. */
    String name();
}
