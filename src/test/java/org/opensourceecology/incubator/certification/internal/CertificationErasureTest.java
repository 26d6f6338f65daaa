package org.opensourceecology.incubator.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.Directory;
import org.opensourceecology.incubator.privacy.Subject;
import org.opensourceecology.incubator.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Erasing a certificate holder revokes their certificates with "erased on request", yet the
 * "certified enterprises" figure stays as it was: a certificate valid at the erasure counts until its
 * original end of validity; one revoked or expired before does not come back (Flyway schema on H2).
 */
@JdbcTest
@Import({
    CertificationPersonalData.class,
    CertificationQueries.class,
    CertificateStore.class,
    CertificationErasureTest.Clocks.class
})
class CertificationErasureTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @org.springframework.context.annotation.Primary
        MovableClock movableClock() {
            return new MovableClock(NOW);
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CertificationPersonalData personalData;

    @Autowired
    CertificationQueries queries;

    @Autowired
    MovableClock clock;

    @MockitoBean
    Directory directory;

    @Test
    void erasureKeepsTheFigureUntilTheCertificateWouldHaveEnded() {
        Instant inAMonth = NOW.plus(30, ChronoUnit.DAYS);
        certificate("valid", "holder", "ceb-press", inAMonth, "VALID", null);
        certificate("revokedBefore", "holder", "d3d-universal", inAMonth, "REVOKED", "Sold counterfeit presses");
        certificate("lateExpiry", "holder", "power-cube", NOW.minusSeconds(60), "VALID", null);
        certificate("other", "someoneelse", "ceb-press", inAMonth.plus(30, ChronoUnit.DAYS), "VALID", null);
        // a certifier who types the erasure reason by hand does not make a certificate count
        certificate("typed", "typist", "ceb-press", inAMonth, "REVOKED", CertificationPersonalData.ERASED_REASON);
        long before = queries.countCertifiedEnterprises();
        assertThat(before).isEqualTo(2);

        personalData.erase(Subject.of("holder", null));

        assertThat(queries.countCertifiedEnterprises()).isEqualTo(before);
        assertThat(row("valid")).containsEntry("status", "REVOKED").containsEntry("revoked_on_erasure", true);
        assertThat(row("valid").get("revocation_reason")).isEqualTo(CertificationPersonalData.ERASED_REASON);
        assertThat(row("revokedBefore")).containsEntry("revoked_on_erasure", false);
        assertThat(row("lateExpiry")).containsEntry("revoked_on_erasure", false);
        assertThat(queries.hasValidCertificate("holder", "ceb-press"))
                .as("nobody holds it any more: no public list shows it")
                .isFalse();
        assertThat(queries.certifiedProducersOf("ceb-press"))
                .extracting(p -> p.certificateId())
                .containsExactly("other");

        clock.set(inAMonth.plusSeconds(1));
        assertThat(queries.countCertifiedEnterprises())
                .as("past its original end of validity it stops counting, as it would have")
                .isEqualTo(1);
    }

    private java.util.Map<String, Object> row(String id) {
        return jdbc.sql("select status, revocation_reason, revoked_on_erasure from certificate where id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private void certificate(String id, String holder, String slug, Instant validUntil, String status, String reason) {
        jdbc.sql("insert into certification_application (business_key, applicant_id, enterprise_slug, status,"
                        + " created_at) values (:key, :holder, :slug, 'CERTIFIED', :t)")
                .param("key", "test-" + id)
                .param("holder", holder)
                .param("slug", slug)
                .param("t", Timestamp.from(NOW.minus(300, ChronoUnit.DAYS)))
                .update();
        long application = jdbc.sql("select id from certification_application where business_key = :key")
                .param("key", "test-" + id)
                .query(Long.class)
                .single();
        jdbc.sql("insert into certificate (id, application_id, holder_id, enterprise_slug, operations_manual_version,"
                        + " scope, issued_at, valid_until, status, revocation_reason, revoked_at, identity_salt)"
                        + " values (:id, :application, :holder, :slug, '1', 'scope', :issued, :until, :status, :reason,"
                        + " :revoked, 'salt')")
                .param("id", id)
                .param("application", application)
                .param("holder", holder)
                .param("slug", slug)
                .param("issued", Timestamp.from(NOW.minus(300, ChronoUnit.DAYS)))
                .param("until", Timestamp.from(validUntil))
                .param("status", status)
                .param("reason", reason)
                .param("revoked", reason == null ? null : Timestamp.from(NOW.minus(10, ChronoUnit.DAYS)))
                .update();
    }
}
