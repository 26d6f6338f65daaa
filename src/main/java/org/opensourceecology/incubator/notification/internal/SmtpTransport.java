package org.opensourceecology.incubator.notification.internal;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends through the SMTP server configured by {@code spring.mail.*}. */
class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;

    SmtpTransport(JavaMailSender sender) {
        this.sender = sender;
    }

    @Override
    public void deliver(String from, OutboxMail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBody(), false);
        // A stable Message-ID lets a receiving system drop a duplicate if a retry follows a lost reply.
        message.saveChanges();
        message.setHeader("Message-ID", "<outbox-" + mail.getId() + "@incubator>");
        sender.send(message);
    }

    @Override
    public String name() {
        return "SMTP";
    }
}
