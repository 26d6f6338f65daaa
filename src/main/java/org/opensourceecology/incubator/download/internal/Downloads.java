package org.opensourceecology.incubator.download.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.opensourceecology.incubator.notification.Notifications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records downloads (one row each) and withdraws follow-up consent; one transaction per command. */
@Service
class Downloads {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DownloadRepository repository;
    private final FollowUpPort followUps;
    private final Notifications notifications;
    private final Clock clock;

    Downloads(DownloadRepository repository, FollowUpPort followUps, Notifications notifications, Clock clock) {
        this.repository = repository;
        this.notifications = notifications;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** Stores the download; with an email and consent the follow-up starts in the same transaction. */
    @Transactional
    Download record(String slug, DownloadForm form, java.util.Locale language) {
        var now = clock.instant();
        var download = new Download(slug, now);
        download.writtenIn(language);
        download.describe(
                DownloadForm.clean(form.getIntent()),
                DownloadForm.clean(form.getCity()),
                DownloadForm.clean(form.getCountry()));
        String email = DownloadForm.clean(form.getEmail());
        boolean followUp = form.isConsentFollowUp() && email != null;
        if (followUp) {
            download.consentToFollowUp(email, EmailHash.of(email), newToken(), now);
        }
        if (form.isConsentMap()) {
            download.consentToMap(now);
        }
        var saved = repository.save(download);
        if (followUp) {
            followUps.start(saved.getId(), saved.getEmailHash());
        }
        return saved;
    }

    Optional<Download> findByToken(String token) {
        return token == null || token.length() > 64 ? Optional.empty() : repository.findByUnsubscribeToken(token);
    }

    /** Ends the follow-up and erases the email. Idempotent. @return false for an unknown token */
    @Transactional
    boolean unsubscribe(String token) {
        var download = findByToken(token);
        if (download.isEmpty()) {
            return false;
        }
        String email = download.get().getEmail();
        if (download.get().withdrawFollowUp(clock.instant())) {
            // consent withdrawn: mail to this address that has not gone out yet is cancelled at once
            notifications.cancelPendingTo(email);
            followUps.unsubscribed(download.get().getId());
        }
        return true;
    }

    private static String newToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
