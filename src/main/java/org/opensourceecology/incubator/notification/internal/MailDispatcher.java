package org.opensourceecology.incubator.notification.internal;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.data.domain.Limit;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Delivers the outbox: claims due mail (one node wins each claim), sends it, and on failure schedules
 * the next attempt with exponential backoff. After {@code max-attempts} a mail is FAILED and waits on
 * {@code /admin/mail} for an admin to retry it.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    static final int BATCH = 50;

    /** Batches per run: 2,000 mails at most, then the next run. */
    static final int MAX_BATCHES = 40;

    private final OutboxRepository outbox;
    private final MailSettings settings;
    private final MailTransport transport;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    MailDispatcher(
            OutboxRepository outbox,
            MailSettings settings,
            MailProperties mailProperties,
            ObjectProvider<JavaMailSender> mailSender,
            Clock clock) {
        this(
                outbox,
                settings,
                StringUtils.hasText(mailProperties.getHost())
                        ? new SmtpTransport(mailSender.getObject())
                        : new LocalMailboxTransport(settings.mailboxDirectory()),
                clock);
    }

    MailDispatcher(OutboxRepository outbox, MailSettings settings, MailTransport transport, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.transport = transport;
        this.clock = clock;
        log.info("Mail is delivered through {}", transport.name());
    }

    String transportName() {
        return transport.name();
    }

    /**
     * Delivers the due mail, batch after batch while full batches come (at most {@link #MAX_BATCHES} per
     * run, so that the other scheduled work gets its turn). One batch per interval capped delivery at 10
     * mails a second: an application to review is mail to every mentor, and the benchmark's 1,000
     * applications left a backlog of 26,000 mails for three quarters of an hour.
     */
    @Scheduled(fixedDelayString = "${incubator.mail.dispatch-interval}", initialDelayString = "PT2S")
    void dispatchDue() {
        outbox.releaseExpiredLeases(clock.instant());
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant now = clock.instant();
            var due = outbox.findDue(now, Limit.of(BATCH));
            for (Long id : due) {
                if (outbox.claim(id, now, now.plus(MailSettings.LEASE)) == 1) {
                    outbox.findById(id).ifPresent(this::deliver);
                }
            }
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    private void deliver(OutboxMail mail) {
        try {
            transport.deliver(settings.from(), mail);
            outbox.markSent(mail.getId(), clock.instant());
        } catch (Exception e) {
            boolean giveUp = mail.getAttempts() >= settings.maxAttempts();
            Instant next = clock.instant().plus(settings.backoffAfter(mail.getAttempts()));
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            outbox.markFailedAttempt(
                    mail.getId(),
                    giveUp ? OutboxMail.Status.FAILED : OutboxMail.Status.PENDING,
                    next,
                    error.length() > 2000 ? error.substring(0, 2000) : error);
            if (giveUp) {
                log.error(
                        "Mail {} to {} failed {} times and waits for an admin: {}",
                        mail.getId(),
                        mail.getRecipient(),
                        mail.getAttempts(),
                        error);
            } else {
                log.warn("Mail {} attempt {} failed, next at {}: {}", mail.getId(), mail.getAttempts(), next, error);
            }
        }
    }
}
