package org.opensourceecology.incubator.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a module holds about people, implemented by each module in its {@code internal} package as a
 * Spring bean. The privacy module finds every implementation and asks each in turn; it never depends on
 * the modules themselves.
 *
 * <p>Rule for {@link #erase}: rows that the metrics count or sum (downloads, runs, units, sales,
 * certificates, enterprises) stay; only personal fields (email, names, free text about the person,
 * a person's city) are cleared, and user ids are replaced by {@link Subject#pseudonym()}.
 */
public interface PersonalData {

    /** The key of this module's part of an export, e.g. {@code "training"}. */
    String name();

    /** Everything this module holds about the subject as JSON-able maps, lists and plain values. */
    Object export(Subject subject);

    /** Removes or irreversibly pseudonymises everything this module holds about the subject. */
    void erase(Subject subject);

    /** The subject's email address when this module knows it from the user id (the identity store does). */
    default Optional<String> emailOf(String userId) {
        return Optional.empty();
    }

    /**
     * Process variables (name → value) that mark a process instance as being about the subject, e.g.
     * {@code traineeId = userId}. Such instances are exported, ended and removed from history on erasure.
     */
    default Map<String, String> identifyingProcessVariables(Subject subject) {
        return Map.of();
    }

    /** Retention: clears personal fields of records older than the cutoff; idempotent SQL (cluster-safe). */
    default int purgeOlderThan(Instant cutoff) {
        return 0;
    }

    /**
     * Runs an erasing update in which {@code :user} stands for the subject's user id and
     * {@code :pseudonym} for their pseudonym, e.g. {@code update t set owner_id = :pseudonym where
     * owner_id = :user}.
     */
    static int pseudonymise(JdbcClient jdbc, Subject subject, String sql) {
        return jdbc.sql(sql)
                .param("user", subject.userId())
                .param("pseudonym", subject.pseudonym())
                .update();
    }
}
