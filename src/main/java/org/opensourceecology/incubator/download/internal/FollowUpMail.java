package org.opensourceecology.incubator.download.internal;

import java.util.Map;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mail of the follow-up: the email is read from the download row (the engine never holds it), and
 * nothing is sent once the person has withdrawn their consent.
 */
@Component
class FollowUpMail {

    private static final Logger log = LoggerFactory.getLogger(FollowUpMail.class);

    private final DownloadRepository downloads;
    private final EnterpriseSpecifications specifications;
    private final Notifications notifications;

    FollowUpMail(DownloadRepository downloads, EnterpriseSpecifications specifications, Notifications notifications) {
        this.downloads = downloads;
        this.specifications = specifications;
        this.notifications = notifications;
    }

    void send(long downloadId, String template) {
        var download = downloads.findById(downloadId).orElseThrow();
        if (!download.mayMail()) {
            log.info("No mail '{}' for download {}: follow-up consent withdrawn", template, downloadId);
            return;
        }
        var specification =
                specifications.findBySlug(download.getSpecificationSlug()).orElseThrow();
        notifications.send(
                download.getEmail(),
                template,
                Map.of(
                        "enterpriseName", specification.getName(),
                        "slug", specification.getSlug(),
                        "manualUrl", specification.getOperationsManualUrl(),
                        "manualVersion", specification.getOperationsManualVersion(),
                        "unsubscribeToken", download.getUnsubscribeToken()),
                download.language());
    }
}
