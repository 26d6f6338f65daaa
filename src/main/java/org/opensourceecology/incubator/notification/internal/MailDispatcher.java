package org.opensourceecology.incubator.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.data.domain.Limit;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
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
    private final TransactionOperations transactions;
    private final MailSettings settings;
    private final MailTransport transport;
    private final Clock clock;

    @Autowired
    MailDispatcher(
            OutboxRepository outbox,
            MailSettings settings,
            MailProperties mailProperties,
            ObjectProvider<JavaMailSender> mailSender,
            TransactionOperations transactions,
            Clock clock) {
        this(
                outbox,
                transactions,
                settings,
                StringUtils.hasText(mailProperties.getHost())
                        ? new SmtpTransport(mailSender.getObject())
                        : new LocalMailboxTransport(settings.mailboxDirectory()),
                clock);
    }

    MailDispatcher(
            OutboxRepository outbox,
            TransactionOperations transactions,
            MailSettings settings,
            MailTransport transport,
            Clock clock) {
        this.outbox = outbox;
        this.transactions = transactions;
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
     *
     * <p>A batch is claimed in one transaction and the mails it delivered are marked sent in one more. Three
     * transactions per mail (claim, read, mark sent) were most of the dispatcher's time in the benchmark's
     * flight recording. The price is the window of a node dying mid-batch: what it already delivered of
     * that batch goes out again when the lease ends (delivery was and stays at least once).
     */
    @Scheduled(fixedDelayString = "${incubator.mail.dispatch-interval}", initialDelayString = "PT2S")
    void dispatchDue() {
        outbox.releaseExpiredLeases(clock.instant());
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant now = clock.instant();
            var due = outbox.findDue(now, Limit.of(BATCH));
            if (!due.isEmpty()) {
                deliver(claim(due, now));
            }
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    private List<OutboxMail> claim(List<Long> due, Instant now) {
        String token = UUID.randomUUID().toString();
        return transactions.execute(tx -> {
            outbox.claim(due, now, now.plus(MailSettings.LEASE), token);
            return outbox.findClaimed(due, token);
        });
    }

    private void deliver(List<OutboxMail> claimed) {
        var sent = new ArrayList<Long>(claimed.size());
        try {
            for (OutboxMail mail : claimed) {
                if (deliver(mail)) {
                    sent.add(mail.getId());
                }
            }
        } finally {
            if (!sent.isEmpty()) {
                outbox.markSent(sent, clock.instant());
            }
        }
    }

    /** Delivers one mail; a failed attempt is recorded at once, with the next attempt's time. */
    private boolean deliver(OutboxMail mail) {
        try {
            transport.deliver(settings.from(), mail);
            return true;
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
            return false;
        }
    }
}
