package org.opensourceecology.incubator.download.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opensourceecology.incubator.catalog.DownloadCounts;
import org.opensourceecology.incubator.download.DownloadStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Download figures as SQL aggregates over the one-row-per-download table (H2 and PostgreSQL).
 *
 * <p>The totals read the whole table only for the months that are over: a download is stored when it
 * happens ({@link Downloads#record}) and never deleted, so a month that ended more than {@link #SETTLED}
 * ago no longer changes, unless downloads are imported with earlier dates. Those months are counted
 * once; each call counts the downloads since on the index of the download time, and looks at the rows
 * stored since the last call (by id) for any with an earlier date, which make it count the months again.
 * Rows imported with ids below those already stored are counted at the hourly recount ({@link
 * #RECOUNT}). At a million downloads the whole-table aggregates took about 230 ms of the database's time
 * in every background refresh of the metrics (every 5 s while anyone reads them).
 */
@Component
class JdbcDownloadStatistics implements DownloadStatistics, DownloadCounts {

    /** How long after a month's end no download can still arrive with a time inside it. */
    static final Duration SETTLED = Duration.ofDays(1);

    /** How often the months that are over are counted again in any case. */
    static final Duration RECOUNT = Duration.ofHours(1);

    private static final String BY_MONTH = "select extract(year from downloaded_at) as y,"
            + " extract(month from downloaded_at) as m, count(*) as n from manual_download where %s"
            + " group by extract(year from downloaded_at), extract(month from downloaded_at)";

    /**
     * The downloads before {@code before}, by month (of the database's time zone), counted at {@code at},
     * when no row had an id above {@code seenId} with a date before {@code before}.
     */
    private record Counted(Instant before, Instant at, long seenId, SortedMap<YearMonth, Long> months, long total) {

        Counted seenUpTo(long id) {
            return new Counted(before, at, id, months, total);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Counted earlier;

    JdbcDownloadStatistics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long countDownloads() {
        var counted = earlier();
        Long since = jdbc.queryForObject(
                "select count(*) from manual_download where downloaded_at >= ?",
                Long.class,
                Timestamp.from(counted.before()));
        return counted.total() + (since == null ? 0 : since);
    }

    @Override
    public long countDownloads(String enterpriseSlug) {
        Long count = jdbc.queryForObject(
                "select count(*) from manual_download where specification_slug = ?", Long.class, enterpriseSlug);
        return count == null ? 0 : count;
    }

    @Override
    public SortedMap<YearMonth, Long> downloadsByMonth() {
        var counted = earlier();
        // the month the boundary falls in (in the database's time zone) may have rows on both sides of it
        var months = new TreeMap<>(counted.months());
        byMonth("downloaded_at >= ?", counted.before()).forEach((month, n) -> months.merge(month, n, Long::sum));
        return months;
    }

    /** The months that are over, with every row stored so far that falls in them. */
    private Counted earlier() {
        Instant now = clock.instant();
        Instant before = YearMonth.from(now.minus(SETTLED).atOffset(ZoneOffset.UTC))
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Long last = jdbc.queryForObject("select coalesce(max(id), 0) from manual_download", Long.class);
        long lastId = last == null ? 0 : last;
        var counted = earlier;
        if (counted != null
                && counted.before().equals(before)
                && now.isBefore(counted.at().plus(RECOUNT))
                && !storedWithAnEarlierDate(counted.seenId(), lastId, before)) {
            if (lastId != counted.seenId()) {
                counted = counted.seenUpTo(lastId);
                earlier = counted;
            }
            return counted;
        }
        // rows stored after lastId was read may be counted here too: the next call looks at them again
        var months = byMonth("downloaded_at < ?", before);
        long total = months.values().stream().mapToLong(Long::longValue).sum();
        counted = new Counted(before, now, lastId, Collections.unmodifiableSortedMap(months), total);
        earlier = counted;
        return counted;
    }

    /** Whether a row with an id in (afterId, upToId] has a date before {@code before}. */
    private boolean storedWithAnEarlierDate(long afterId, long upToId, Instant before) {
        if (upToId <= afterId) {
            return false;
        }
        Long found = jdbc.queryForObject(
                "select count(*) from manual_download where id > ? and id <= ? and downloaded_at < ?",
                Long.class,
                afterId,
                upToId,
                Timestamp.from(before));
        return found != null && found > 0;
    }

    private SortedMap<YearMonth, Long> byMonth(String condition, Instant boundary) {
        var months = new TreeMap<YearMonth, Long>();
        jdbc.query(
                BY_MONTH.formatted(condition),
                rs -> {
                    months.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("n"));
                },
                Timestamp.from(boundary));
        return months;
    }
}
