package org.opensourceecology.incubator.certification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opensourceecology.incubator.certification.CertificationProcess;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.opensourceecology.incubator.privacy.Subject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Certification applications and certificates of a holder. Erasure keeps the rows (issued
 * certificates are counted), revokes every certificate of theirs with the reason
 * {@value #ERASED_REASON} (the public page then says only that), replaces holder and applicant ids by
 * the pseudonym and the badge salt by a new one, so the old Open Badge hash can no longer be linked.
 * A revocation for erasure is not a judgement on the enterprise: a certificate valid at the erasure is
 * marked {@code revoked_on_erasure} and the "certified enterprises" metric counts it until its
 * original end of validity ({@link CertificationQueries#countCertifiedEnterprises()}).
 */
@Component
class CertificationPersonalData implements PersonalData {

    static final String ERASED_REASON = "erased on request";

    private final JdbcClient jdbc;
    private final Clock clock;

    CertificationPersonalData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "certification";
    }

    @Override
    public Object export(Subject subject) {
        var export = new LinkedHashMap<String, Object>();
        if (!subject.hasUserId()) {
            return export;
        }
        export.put(
                "applications",
                jdbc.sql("select id, business_key, enterprise_slug, prior_experience, status, created_at, decided_at"
                                + " from certification_application where applicant_id = :user order by id")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        export.put(
                "certificates",
                jdbc.sql(
                                "select id, enterprise_slug, operations_manual_version, scope, issued_at, valid_until, status,"
                                        + " revocation_reason, revoked_at from certificate where holder_id = :user order by issued_at")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        return export;
    }

    @Override
    public void erase(Subject subject) {
        if (!subject.hasUserId()) {
            return;
        }
        String user = subject.userId();
        String pseudonym = subject.pseudonym();
        // revoked_on_erasure only for certificates valid now: they still count as certified enterprises
        // until their end of validity; one revoked or expired before keeps not counting
        jdbc.sql("update certificate set revoked_on_erasure = (status = 'VALID' and valid_until > :now),"
                        + " status = 'REVOKED', revocation_reason = :reason,"
                        + " revoked_at = coalesce(revoked_at, :now), holder_id = :pseudonym, identity_salt = :salt"
                        + " where holder_id = :user")
                .param("reason", ERASED_REASON)
                .param("now", Timestamp.from(clock.instant()))
                .param("pseudonym", pseudonym)
                .param("salt", CertificationService.randomToken(24))
                .param("user", user)
                .update();
        jdbc.sql("update certification_application set prior_experience = null, applicant_id = :pseudonym"
                        + " where applicant_id = :user")
                .param("pseudonym", pseudonym)
                .param("user", user)
                .update();
        for (String column : new String[] {"mentor_id", "decided_by"}) {
            jdbc.sql("update certification_application set " + column + " = :pseudonym where " + column + " = :user")
                    .param("pseudonym", pseudonym)
                    .param("user", user)
                    .update();
        }
        jdbc.sql("update certificate set issued_by = :pseudonym where issued_by = :user")
                .param("pseudonym", pseudonym)
                .param("user", user)
                .update();
    }

    @Override
    public Map<String, String> identifyingProcessVariables(Subject subject) {
        return subject.hasUserId() ? Map.of(CertificationProcess.APPLICANT_ID.name(), subject.userId()) : Map.of();
    }
}
