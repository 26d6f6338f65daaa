package org.opensourceecology.incubator.catalog.internal;

import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opensourceecology.incubator.catalog.CatalogStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Catalog figures as SQL aggregates (runs on H2 and PostgreSQL). */
@Component
class JdbcCatalogStatistics implements CatalogStatistics {

    private final JdbcTemplate jdbc;

    JdbcCatalogStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countPublishedSpecifications() {
        Long count = jdbc.queryForObject(
                "select count(*) from enterprise_specification where status = 'PUBLISHED'", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public SortedMap<YearMonth, Long> publishedSpecificationsByMonth() {
        var months = new TreeMap<YearMonth, Long>();
        jdbc.query("""
                select extract(year from published_at) as y, extract(month from published_at) as m, count(*) as n
                from enterprise_specification
                where status = 'PUBLISHED' and published_at is not null
                group by extract(year from published_at), extract(month from published_at)""", rs -> {
            months.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("n"));
        });
        return months;
    }
}
