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
 * ago no longer changes. Those months are counted once and again every {@link #RECOUNT} (so that rows
 * imported with earlier dates show within that time); each request counts only the rows since, on the
 * index of the download time. At a million downloads the whole-table aggregates took about 230 ms of
 * the database's time in every background refresh of the metrics (every 5 s while anyone reads them).
 */
@Component
class JdbcDownloadStatistics implements DownloadStatistics, DownloadCounts {

    /** How long after a month's end no download can still arrive with a time inside it. */
    static final Duration SETTLED = Duration.ofDays(1);

    /** How often the months that are over are counted again. */
    static final Duration RECOUNT = Duration.ofHours(1);

    private static final String BY_MONTH = "select extract(year from downloaded_at) as y,"
            + " extract(month from downloaded_at) as m, count(*) as n from manual_download where %s"
            + " group by extract(year from downloaded_at), extract(month from downloaded_at)";

    /** The downloads before {@code before}, by month (of the database's time zone), counted at {@code at}. */
    private record Counted(Instant before, Instant at, SortedMap<YearMonth, Long> months, long total) {

        boolean current(Instant before, Instant now) {
            return this.before.equals(before) && now.isBefore(at.plus(RECOUNT));
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

    /** The months that are over, counted at most {@link #RECOUNT} ago. */
    private Counted earlier() {
        Instant now = clock.instant();
        Instant before = YearMonth.from(now.minus(SETTLED).atOffset(ZoneOffset.UTC))
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        var counted = earlier;
        if (counted == null || !counted.current(before, now)) {
            var months = byMonth("downloaded_at < ?", before);
            long total = months.values().stream().mapToLong(Long::longValue).sum();
            counted = new Counted(before, now, Collections.unmodifiableSortedMap(months), total);
            earlier = counted;
        }
        return counted;
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
