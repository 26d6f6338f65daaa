package org.opensourceecology.incubator.download.internal;

import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opensourceecology.incubator.catalog.DownloadCounts;
import org.opensourceecology.incubator.download.DownloadStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Download figures as SQL aggregates over the one-row-per-download table (H2 and PostgreSQL). */
@Component
class JdbcDownloadStatistics implements DownloadStatistics, DownloadCounts {

    private final JdbcTemplate jdbc;

    JdbcDownloadStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countDownloads() {
        Long count = jdbc.queryForObject("select count(*) from manual_download", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public long countDownloads(String enterpriseSlug) {
        Long count = jdbc.queryForObject(
                "select count(*) from manual_download where specification_slug = ?", Long.class, enterpriseSlug);
        return count == null ? 0 : count;
    }

    @Override
    public SortedMap<YearMonth, Long> downloadsByMonth() {
        var months = new TreeMap<YearMonth, Long>();
        jdbc.query("""
                select extract(year from downloaded_at) as y, extract(month from downloaded_at) as m, count(*) as n
                from manual_download
                group by extract(year from downloaded_at), extract(month from downloaded_at)""", rs -> {
            months.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("n"));
        });
        return months;
    }
}
