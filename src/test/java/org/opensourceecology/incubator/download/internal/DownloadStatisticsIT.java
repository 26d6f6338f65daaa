package org.opensourceecology.incubator.download.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The download totals on PostgreSQL, which count the months that are over once (and again when rows
 * with earlier dates arrive, or an hour later) and the rows since on every call, against the whole
 * table counted as a whole, as the totals were before.
 */
@IntegrationTest
class DownloadStatisticsIT {

    @Autowired
    JdbcTemplate jdbc;

    MovableClock clock = new MovableClock(Instant.now());
    JdbcDownloadStatistics statistics;

    @BeforeEach
    void newStatistics() {
        statistics = new JdbcDownloadStatistics(jdbc, clock);
    }

    void download(Instant at) {
        jdbc.update(
                "insert into manual_download (specification_slug, downloaded_at) values ('ceb-press', ?)",
                Timestamp.from(at));
    }

    /** What the totals were computed as before: the whole table. */
    SortedMap<YearMonth, Long> wholeTableByMonth() {
        var months = new TreeMap<YearMonth, Long>();
        jdbc.query(
                "select extract(year from downloaded_at) as y, extract(month from downloaded_at) as m, count(*) as n"
                        + " from manual_download group by extract(year from downloaded_at), extract(month from downloaded_at)",
                rs -> {
                    months.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("n"));
                });
        return months;
    }

    long wholeTable() {
        return jdbc.queryForObject("select count(*) from manual_download", Long.class);
    }

    void agreesWithTheWholeTable() {
        assertThat(statistics.downloadsByMonth()).isEqualTo(wholeTableByMonth());
        assertThat(statistics.countDownloads()).isEqualTo(wholeTable());
    }

    @Test
    void totalsAgreeWithTheWholeTableAsDownloadsComeAndMonthsEnd() {
        download(clock.instant().minus(400, ChronoUnit.DAYS));
        download(clock.instant().minus(40, ChronoUnit.DAYS));
        agreesWithTheWholeTable();

        download(Instant.now());
        download(Instant.now());
        agreesWithTheWholeTable();

        // a month on: this month is over too, and the months before are counted anew
        clock.move(Duration.ofDays(32));
        agreesWithTheWholeTable();
    }

    @Test
    void aDownloadImportedWithAnEarlierDateCountsAtOnce() {
        long before = statistics.countDownloads();

        download(clock.instant().minus(100, ChronoUnit.DAYS));

        assertThat(statistics.countDownloads()).isEqualTo(before + 1);
        agreesWithTheWholeTable();
    }

    @Test
    void oneImportedWithAnIdBelowThoseStoredCountsAtTheHourlyRecount() {
        long before = statistics.countDownloads();

        jdbc.update(
                "insert into manual_download (id, specification_slug, downloaded_at) values (?, 'ceb-press', ?)",
                -1 - System.nanoTime() % 1_000_000_000L,
                Timestamp.from(clock.instant().minus(100, ChronoUnit.DAYS)));
        assertThat(statistics.countDownloads())
                .as("no row above the ids already looked at has an earlier date")
                .isEqualTo(before);

        clock.move(JdbcDownloadStatistics.RECOUNT);
        assertThat(statistics.countDownloads()).isEqualTo(before + 1);
        agreesWithTheWholeTable();
    }
}
