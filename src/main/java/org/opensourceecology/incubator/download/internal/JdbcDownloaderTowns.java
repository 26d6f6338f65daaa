package org.opensourceecology.incubator.download.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensourceecology.incubator.download.DownloaderTown;
import org.opensourceecology.incubator.download.DownloaderTowns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The consenting downloaders' towns: one SQL aggregate over the downloads whose map consent holds
 * (given, not ended by unsubscribe, erasure or retention, town kept), then placed and added up by
 * {@link TownAggregation}. Email, intent and times are never read.
 */
@Component
class JdbcDownloaderTowns implements DownloaderTowns {

    private final JdbcClient jdbc;
    private final Gazetteer gazetteer;

    JdbcDownloaderTowns(JdbcClient jdbc, Gazetteer gazetteer) {
        this.jdbc = jdbc;
        this.gazetteer = gazetteer;
    }

    @Override
    public List<DownloaderTown> consentedTowns() {
        var rows = jdbc.sql("""
                        select city, country, specification_slug, count(*) as downloads from manual_download
                        where consent_map_at is not null and map_consent_ended_at is null and city is not null
                        group by city, country, specification_slug""")
                .query((rs, n) -> new TownAggregation.Row(
                        rs.getString("city"),
                        rs.getString("country"),
                        rs.getString("specification_slug"),
                        rs.getLong("downloads")))
                .list();
        return TownAggregation.aggregate(rows, gazetteer);
    }

    @Override
    public ConsentVersion consentVersion() {
        return jdbc.sql("select max(consent_map_at) as given, max(map_consent_ended_at) as ended from manual_download")
                .query((rs, n) ->
                        new ConsentVersion(instant(rs.getTimestamp("given")), instant(rs.getTimestamp("ended"))))
                .single();
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
