package org.opensourceecology.incubator.privacy.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purges personal fields older than {@code incubator.privacy.retention}. Every contributor's purge is
 * an idempotent SQL update, so two nodes running it at once do no harm. Finished process instances
 * leave Camunda's history through its own history cleanup (historyTimeToLive on every process, cleanup
 * window in application.yaml).
 */
@Component
@EnableConfigurationProperties(PrivacySettings.class)
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final List<PersonalData> contributors;
    private final PrivacySettings settings;
    private final Clock clock;

    RetentionJob(List<PersonalData> contributors, PrivacySettings settings, Clock clock) {
        this.contributors = contributors;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${incubator.privacy.retention-cron:0 30 2 * * *}")
    @Transactional
    public int purge() {
        var cutoff = clock.instant().atZone(ZoneOffset.UTC).minus(settings.retention()).toInstant();
        int purged = 0;
        for (PersonalData contributor : contributors) {
            purged += contributor.purgeOlderThan(cutoff);
        }
        if (purged > 0) {
            log.info("Retention: cleared personal fields of {} records older than {}", purged, cutoff);
        }
        return purged;
    }
}
