package org.opensourceecology.incubator.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A certificate is renewed only on production in its period: a verified run or a production report. */
@IntegrationTest
class RenewalEvidenceIT {

    @Autowired
    CertificationService certification;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void renewalNeedsProductionInThePeriodAndAReportCounts() {
        String holder =
                "renewal" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String certificateId = certificateOf(holder, Instant.now().minus(300, ChronoUnit.DAYS));

        assertThatThrownBy(() -> certification.renew(certificateId))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("neither a verified production run nor a production report");

        jdbc.update(
                """
                insert into replicated_enterprise (name, enterprise_slug, owner_id, city, country, consent_map, status,
                    registered_at, status_changed_at)
                values ('Renewal Bricks', 'ceb-press', ?, 'Joplin', 'United States', false, 'ACTIVE', ?, ?)""",
                holder,
                Timestamp.from(Instant.now().minus(200, ChronoUnit.DAYS)),
                Timestamp.from(Instant.now().minus(200, ChronoUnit.DAYS)));
        Long enterpriseId =
                jdbc.queryForObject("select id from replicated_enterprise where owner_id = ?", Long.class, holder);
        jdbc.update("""
                insert into production_report (enterprise_id, period_label, period_start, period_end, units_produced,
                    units_sold, sales_value, currency, hours_worked, submitted_by, submitted_at)
                values (?, '2026-Q3', date '2026-07-01', date '2026-09-30', 12, 10, 1500, 'XTS', 120, ?, ?)""", enterpriseId, holder, Timestamp.from(Instant.now().minus(20, ChronoUnit.DAYS)));

        assertThat(certification.reportsInPeriod(certificateId)).isEqualTo(1);
        Instant validUntil = certification.renew(certificateId);
        assertThat(validUntil).isAfter(Instant.now().plus(360, ChronoUnit.DAYS));
    }

    private String certificateOf(String holder, Instant issuedAt) {
        jdbc.update("""
                insert into certification_application (business_key, applicant_id, enterprise_slug, status, created_at)
                values (?, ?, 'ceb-press', 'CERTIFIED', ?)""", "renewal-" + holder, holder, Timestamp.from(issuedAt));
        Long applicationId = jdbc.queryForObject(
                "select id from certification_application where business_key = ?", Long.class, "renewal-" + holder);
        String id = "renewal" + holder + "xxxxxxxx";
        jdbc.update(
                """
                insert into certificate (id, application_id, holder_id, enterprise_slug, operations_manual_version, scope,
                    issued_at, valid_until, status, identity_salt)
                values (?, ?, ?, 'ceb-press', '2024.1', 'Test scope', ?, ?, 'VALID', 'salt')""",
                id,
                applicationId,
                holder,
                Timestamp.from(issuedAt),
                Timestamp.from(issuedAt.plus(365, ChronoUnit.DAYS)));
        return id;
    }
}
