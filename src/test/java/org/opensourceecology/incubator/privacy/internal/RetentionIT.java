package org.opensourceecology.incubator.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention on PostgreSQL: personal fields of downloads older than the retention period and the
 * variables of process instances that ended before it are purged; rows stay and a second run
 * changes nothing (nodes of a cluster may run it at the same time).
 */
@IntegrationTest
class RetentionIT {

    @Autowired
    RetentionJob retention;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Test
    void purgesOldPersonalFieldsAndFinishedInstanceVariablesOnce() {
        String email = "old" + UUID.randomUUID().toString().substring(0, 8) + "@privacy.example";
        Instant longAgo = Instant.now().minus(3 * 366, ChronoUnit.DAYS);
        jdbc.update(
                "insert into manual_download (specification_slug, downloaded_at, city, country, email, email_hash,"
                        + " consent_follow_up_at, unsubscribe_token) values ('ceb-press', ?, 'Oldtown', 'Ghana', ?, 'x', ?, ?)",
                Timestamp.from(longAgo),
                email,
                Timestamp.from(longAgo),
                UUID.randomUUID().toString());
        String recentEmail = "new" + UUID.randomUUID().toString().substring(0, 8) + "@privacy.example";
        jdbc.update(
                "insert into manual_download (specification_slug, downloaded_at, email, consent_follow_up_at)"
                        + " values ('ceb-press', ?, ?, ?)",
                Timestamp.from(Instant.now()),
                recentEmail,
                Timestamp.from(Instant.now()));
        String key = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        repository
                .createDeployment()
                .addModelInstance(
                        key + ".bpmn",
                        Bpmn.createExecutableProcess(key)
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .endEvent()
                                .done())
                .deploy();
        var ended = runtime.startProcessInstanceByKey(key, Map.of("notes", "personal notes"));
        jdbc.update("update ACT_HI_PROCINST set END_TIME_ = ? where ID_ = ?", Timestamp.from(longAgo), ended.getId());
        var recent = runtime.startProcessInstanceByKey(key, Map.of("notes", "recent notes"));

        assertThat(retention.purge()).isPositive();

        assertThat(jdbc.queryForMap(
                        "select email, email_hash, city, country, unsubscribe_token from manual_download"
                                + " where downloaded_at = ? and country = 'Ghana' and city is null and email is null",
                        Timestamp.from(longAgo)))
                .containsEntry("country", "Ghana")
                .containsEntry("unsubscribe_token", null);
        assertThat(jdbc.queryForObject("select count(*) from manual_download where email = ?", Long.class, email))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from manual_download where email = ?", Long.class, recentEmail))
                .isOne();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(ended.getId())
                        .count())
                .isZero();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(recent.getId())
                        .count())
                .isOne();

        assertThat(retention.purge())
                .as("a second run finds nothing left to purge")
                .isZero();
    }
}
