package org.opensourceecology.incubator.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.privacy.Subject;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An owner's enterprise leaves the map and loses its personal fields; its figures still count. */
@IntegrationTest
class ReplicationPersonalDataIT {

    @Autowired
    ReplicationPersonalData personalData;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void exportsAndErasesAnOwnersEnterpriseButKeepsItsFigures() {
        String owner = "owner" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        jdbc.sql("insert into replicated_enterprise (name, enterprise_slug, owner_id, city, country,"
                        + " latitude, longitude, consent_map, consent_map_at, website, status, registered_at,"
                        + " status_changed_at) values ('Privacy Bricks', 'ceb-press', :owner, 'Gabela', 'Angola',"
                        + " -10.85, 14.37, true, current_timestamp, 'https://example.org/' || :owner, 'ACTIVE',"
                        + " current_timestamp, current_timestamp)")
                .param("owner", owner)
                .update();
        long enterpriseId = jdbc.sql("select id from replicated_enterprise where owner_id = :owner")
                .param("owner", owner)
                .query(Long.class)
                .single();
        jdbc.sql("insert into production_report (enterprise_id, period_label, period_start, period_end, units_produced,"
                        + " units_sold, sales_value, currency, hours_worked, notes, submitted_by, submitted_at)"
                        + " values (:id, '2026-Q3', date '2026-07-01', date '2026-09-30', 40, 35, 5250, 'XTS', 300,"
                        + " 'Sold to my neighbour ' || :owner, :owner, current_timestamp)")
                .param("id", enterpriseId)
                .param("owner", owner)
                .update();
        var subject = Subject.of(owner, null);

        @SuppressWarnings("unchecked")
        var export = (Map<String, java.util.List<?>>) personalData.export(subject);
        assertThat(export.get("enterprises")).hasSize(1);
        assertThat(export.get("reports")).hasSize(1);

        transactions.executeWithoutResult(tx -> personalData.erase(subject));

        var row = jdbc.sql(
                        "select owner_id, city, latitude, consent_map, consent_map_at, map_consent_withdrawn_at, website"
                                + " from replicated_enterprise where id = :id")
                .param("id", enterpriseId)
                .query()
                .singleRow();
        assertThat(row.get("owner_id")).isEqualTo(subject.pseudonym());
        assertThat(row.get("city")).isEqualTo("");
        assertThat(row.get("latitude")).isNull();
        assertThat(row.get("consent_map")).isEqualTo(false);
        assertThat(row.get("consent_map_at")).isNull();
        assertThat(row.get("map_consent_withdrawn_at"))
                .as("tells every node's map cache that the pin is gone")
                .isNotNull();
        assertThat(row.get("website")).isNull();
        var report = jdbc.sql(
                        "select units_produced, notes, submitted_by from production_report where enterprise_id = :id")
                .param("id", enterpriseId)
                .query()
                .singleRow();
        assertThat(((Number) report.get("units_produced")).longValue()).isEqualTo(40);
        assertThat(report.get("notes")).isNull();
        assertThat(report.get("submitted_by")).isEqualTo(subject.pseudonym());
        assertThat(jdbc.sql("select count(*) from replicated_enterprise where owner_id = :owner")
                        .param("owner", owner)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
