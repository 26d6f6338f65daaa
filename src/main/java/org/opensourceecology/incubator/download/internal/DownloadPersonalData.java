package org.opensourceecology.incubator.download.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opensourceecology.incubator.download.FollowUpProcess;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.opensourceecology.incubator.privacy.Subject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Downloads of a person (found by email or its hash). Erasure keeps the row (it counts as a
 * download) and clears email, hash, city, unsubscribe token and map consent (ending it, so the town leaves the map); the follow-up process
 * holds only the hash, so the privacy module ends and removes it through {@link #identifyingProcessVariables}.
 */
@Component
class DownloadPersonalData implements PersonalData {

    private static final String MATCH = " where lower(email) = :email or email_hash = :hash";

    /** Ends a map consent that holds (the right-hand side sees the row as it was before the update). */
    private static final String MAP_CONSENT_ENDS = " map_consent_ended_at = case when consent_map_at is not null"
            + " and map_consent_ended_at is null then :now else map_consent_ended_at end";

    private final JdbcClient jdbc;
    private final Clock clock;

    DownloadPersonalData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "downloads";
    }

    @Override
    public Object export(Subject subject) {
        if (!subject.hasEmail()) {
            return List.of();
        }
        return jdbc.sql("select id, specification_slug, downloaded_at, intent, city, country, email,"
                        + " consent_follow_up_at, consent_map_at, map_consent_ended_at, follow_up_withdrawn_at"
                        + " from manual_download" + MATCH
                        + " order by id")
                .param("email", subject.email())
                .param("hash", EmailHash.of(subject.email()))
                .query()
                .listOfRows();
    }

    @Override
    public void erase(Subject subject) {
        if (!subject.hasEmail()) {
            return;
        }
        jdbc.sql("update manual_download set email = null, email_hash = null, city = null, unsubscribe_token = null,"
                        + " consent_map_at = null, follow_up_withdrawn_at = coalesce(follow_up_withdrawn_at, :now),"
                        + MAP_CONSENT_ENDS
                        + MATCH)
                .param("email", subject.email())
                .param("hash", EmailHash.of(subject.email()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public Map<String, String> identifyingProcessVariables(Subject subject) {
        return subject.hasEmail() ? Map.of(FollowUpProcess.EMAIL_HASH.name(), EmailHash.of(subject.email())) : Map.of();
    }

    /**
     * Idempotent: a second node running it at the same time changes nothing more. The town goes, and
     * with it the place on the map: the consent to the map ends then too (every node's map sees it).
     */
    @Override
    public int purgeOlderThan(Instant cutoff) {
        return jdbc.sql("update manual_download set email = null, email_hash = null, city = null,"
                        + " unsubscribe_token = null," + MAP_CONSENT_ENDS
                        + " where downloaded_at < :cutoff and (email is not null or email_hash is not null"
                        + " or city is not null or unsubscribe_token is not null"
                        + " or (consent_map_at is not null and map_consent_ended_at is null))")
                .param("cutoff", Timestamp.from(cutoff))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
