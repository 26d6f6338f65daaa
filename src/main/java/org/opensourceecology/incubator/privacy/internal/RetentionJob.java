package org.opensourceecology.incubator.privacy.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final HistoryService history;
    private final JdbcTemplate jdbc;

    RetentionJob(
            List<PersonalData> contributors,
            PrivacySettings settings,
            Clock clock,
            HistoryService history,
            JdbcTemplate jdbc) {
        this.history = history;
        this.jdbc = jdbc;
        this.contributors = contributors;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${incubator.privacy.retention-cron:0 30 2 * * *}")
    @Transactional
    public int purge() {
        var cutoff = clock.instant()
                .atZone(ZoneOffset.UTC)
                .minus(settings.retention())
                .toInstant();
        int purged = 0;
        for (PersonalData contributor : contributors) {
            purged += contributor.purgeOlderThan(cutoff);
        }
        purged += purgeFinishedInstanceVariables(java.util.Date.from(cutoff));
        if (purged > 0) {
            log.info("Retention: cleared personal fields of {} records older than {}", purged, cutoff);
        }
        return purged;
    }

    /**
     * Variables of process instances that ended before the cutoff (the journeys' motivation, notes,
     * evidence links...) are deleted in batches; the instances' activity history stays until Camunda's
     * history cleanup removes it. Deleting what is already gone is a no-op, so nodes may race.
     */
    private int purgeFinishedInstanceVariables(java.util.Date cutoff) {
        // only instances that still hold variables, so every run makes progress (500 per run)
        var ids = jdbc.queryForList(
                "select distinct v.PROC_INST_ID_ from ACT_HI_VARINST v join ACT_HI_PROCINST p on p.ID_ = v.PROC_INST_ID_"
                        + " where p.END_TIME_ is not null and p.END_TIME_ < ? fetch first 500 rows only",
                String.class,
                new java.sql.Timestamp(cutoff.getTime()));
        ids.forEach(history::deleteHistoricVariableInstancesByProcessInstanceId);
        return ids.size();
    }
}
