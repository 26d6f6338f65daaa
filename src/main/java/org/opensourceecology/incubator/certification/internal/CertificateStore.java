package org.opensourceecology.incubator.certification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The certification tables: applications and certificates. */
@Repository
class CertificateStore {

    enum Status {
        VALID,
        EXPIRED,
        REVOKED
    }

    record Application(long id, String businessKey, String applicantId, String enterpriseSlug, String mentorId) {}

    record Certificate(
            String id,
            long applicationId,
            String holderId,
            String enterpriseSlug,
            String operationsManualVersion,
            String scope,
            Instant issuedAt,
            Instant validUntil,
            Status status,
            String revocationReason,
            Instant revokedAt,
            int renewedCount,
            Instant renewedAt,
            String identitySalt) {

        /** VALID only while today is before the end of validity: a late expiry job never reads as valid. */
        Status effectiveStatus(Instant now) {
            return status == Status.VALID && !now.isBefore(validUntil) ? Status.EXPIRED : status;
        }

        /** Start of the current validity period (issue or last renewal). */
        Instant periodStart() {
            return renewedAt != null ? renewedAt : issuedAt;
        }
    }

    private final JdbcClient jdbc;

    CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertApplication(
            String businessKey,
            String applicantId,
            String enterpriseSlug,
            String mentorId,
            String priorExperience,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into certification_application (business_key, applicant_id, enterprise_slug, mentor_id,
                            prior_experience, status, created_at)
                        values (:key, :applicant, :slug, :mentor, :prior, 'OPEN', :now)""")
                .param("key", businessKey)
                .param("applicant", applicantId)
                .param("slug", enterpriseSlug)
                .param("mentor", mentorId)
                .param("prior", priorExperience)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Application> findApplication(long id) {
        return jdbc.sql(
                        "select id, business_key, applicant_id, enterprise_slug, mentor_id from certification_application where id = :id")
                .param("id", id)
                .query((rs, n) -> new Application(
                        rs.getLong("id"),
                        rs.getString("business_key"),
                        rs.getString("applicant_id"),
                        rs.getString("enterprise_slug"),
                        rs.getString("mentor_id")))
                .optional();
    }

    void decideApplication(long id, String status, String decidedBy, Instant now) {
        jdbc.sql(
                        "update certification_application set status = :status, decided_by = :by, decided_at = :now where id = :id")
                .param("status", status)
                .param("by", decidedBy)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    void insertCertificate(Certificate c, String issuedBy) {
        jdbc.sql("""
                        insert into certificate (id, application_id, holder_id, enterprise_slug, operations_manual_version,
                            scope, issued_at, valid_until, status, renewed_count, identity_salt, issued_by)
                        values (:id, :application, :holder, :slug, :version, :scope, :issued, :until, 'VALID', 0, :salt, :by)""")
                .param("id", c.id())
                .param("application", c.applicationId())
                .param("holder", c.holderId())
                .param("slug", c.enterpriseSlug())
                .param("version", c.operationsManualVersion())
                .param("scope", c.scope())
                .param("issued", Timestamp.from(c.issuedAt()))
                .param("until", Timestamp.from(c.validUntil()))
                .param("salt", c.identitySalt())
                .param("by", issuedBy)
                .update();
    }

    Optional<Certificate> find(String id) {
        return jdbc.sql("select * from certificate where id = :id")
                .param("id", id)
                .query(CertificateStore::certificate)
                .optional();
    }

    List<Certificate> validOf(String enterpriseSlug, Instant now) {
        return jdbc.sql(
                        "select * from certificate where enterprise_slug = :slug and status = 'VALID' and valid_until > :now order by issued_at")
                .param("slug", enterpriseSlug)
                .param("now", Timestamp.from(now))
                .query(CertificateStore::certificate)
                .list();
    }

    boolean hasValid(String holderId, String enterpriseSlug, Instant now) {
        return jdbc.sql("""
                        select count(*) from certificate where holder_id = :holder and enterprise_slug = :slug
                          and status = 'VALID' and valid_until > :now""")
                        .param("holder", holderId)
                        .param("slug", enterpriseSlug)
                        .param("now", Timestamp.from(now))
                        .query(Long.class)
                        .single()
                > 0;
    }

    void renew(String id, Instant validUntil, Instant now) {
        jdbc.sql(
                        "update certificate set valid_until = :until, renewed_count = renewed_count + 1, renewed_at = :now where id = :id and status = 'VALID'")
                .param("until", Timestamp.from(validUntil))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    void expire(String id) {
        jdbc.sql("update certificate set status = 'EXPIRED' where id = :id and status = 'VALID'")
                .param("id", id)
                .update();
    }

    int revoke(String id, String reason, Instant now) {
        return jdbc.sql(
                        "update certificate set status = 'REVOKED', revocation_reason = :reason, revoked_at = :now where id = :id and status = 'VALID'")
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    private static Certificate certificate(ResultSet rs, int row) throws SQLException {
        return new Certificate(
                rs.getString("id"),
                rs.getLong("application_id"),
                rs.getString("holder_id"),
                rs.getString("enterprise_slug"),
                rs.getString("operations_manual_version"),
                rs.getString("scope"),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("valid_until").toInstant(),
                Status.valueOf(rs.getString("status")),
                rs.getString("revocation_reason"),
                instant(rs.getTimestamp("revoked_at")),
                rs.getInt("renewed_count"),
                instant(rs.getTimestamp("renewed_at")),
                rs.getString("identity_salt"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
