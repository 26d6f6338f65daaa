package org.opensourceecology.incubator.replication.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opensourceecology.incubator.replication.ReplicationStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link ReplicationStatistics} as SQL aggregates on indexed columns; runs on H2 and PostgreSQL. */
@Component
class SqlReplicationStatistics implements ReplicationStatistics {

    private final JdbcTemplate jdbc;
    private final ReplicationSettings settings;
    private final Clock clock;

    SqlReplicationStatistics(JdbcTemplate jdbc, ReplicationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public long countReplicatedEnterprises() {
        return jdbc.queryForObject("select count(*) from replicated_enterprise", Long.class);
    }

    @Override
    public SortedMap<YearMonth, Long> replicatedByMonth() {
        return byMonth(
                "select extract(year from registered_at) as y, extract(month from registered_at) as m, count(*) as n "
                        + "from replicated_enterprise group by extract(year from registered_at), extract(month from registered_at)");
    }

    @Override
    public long reportedUnitsProduced() {
        return jdbc.queryForObject("select coalesce(sum(units_produced), 0) from production_report", Long.class);
    }

    @Override
    public SortedMap<String, BigDecimal> reportedSalesByCurrency() {
        var result = new TreeMap<String, BigDecimal>();
        jdbc.query("select currency, sum(sales_value) as total from production_report group by currency", rs -> {
            result.put(rs.getString("currency"), rs.getBigDecimal("total"));
        });
        return result;
    }

    @Override
    public SortedMap<YearMonth, Long> reportedUnitsByMonth() {
        return byMonth("select extract(year from period_start) as y, extract(month from period_start) as m, "
                + "sum(units_produced) as n from production_report "
                + "group by extract(year from period_start), extract(month from period_start)");
    }

    @Override
    public long countReportingEnterprises() {
        var since = Timestamp.from(clock.instant().minus(settings.reportingWindow()));
        return jdbc.queryForObject(
                "select count(distinct enterprise_id) from production_report where submitted_at >= ?",
                Long.class,
                since);
    }

    private SortedMap<YearMonth, Long> byMonth(String sql) {
        var result = new TreeMap<YearMonth, Long>();
        jdbc.query(sql, rs -> {
            result.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("n"));
        });
        return result;
    }
}
