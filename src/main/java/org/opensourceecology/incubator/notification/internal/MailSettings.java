package org.opensourceecology.incubator.notification.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incubator.mail.*}: the sender address, where the local mailbox keeps mail when no SMTP host
 * is configured, and how delivery is retried.
 */
@ConfigurationProperties("incubator.mail")
record MailSettings(
        String from, Path mailboxDirectory, int maxAttempts, Duration initialBackoff, Duration dispatchInterval) {

    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofMinutes(2);

    /** Backoff before the next attempt, doubling from the initial backoff after each failure. */
    Duration backoffAfter(int attempts) {
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }
}
