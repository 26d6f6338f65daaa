package org.opensourceecology.incubator.notification.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local development without an SMTP server: each mail is written as an {@code .eml} file to the
 * mailbox directory (any mail client opens it) and is listed on {@code /admin/mail}.
 */
class LocalMailboxTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LocalMailboxTransport.class);

    private final Path directory;

    LocalMailboxTransport(Path directory) {
        this.directory = directory;
    }

    @Override
    public void deliver(String from, OutboxMail mail) throws Exception {
        Files.createDirectories(directory);
        String eml = "From: " + from + "\r\n"
                + "To: " + mail.getRecipient() + "\r\n"
                + "Subject: " + mail.getSubject() + "\r\n"
                + "Date: "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        mail.getCreatedAt().atZone(java.time.ZoneOffset.UTC)) + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + mail.getBody();
        Path file = directory.resolve("mail-" + mail.getId() + ".eml");
        Files.writeString(file, eml, StandardCharsets.UTF_8);
        log.info("Mail '{}' to {} kept in the local mailbox: {}", mail.getSubject(), mail.getRecipient(), file);
    }

    @Override
    public String name() {
        return "local mailbox " + directory;
    }
}
