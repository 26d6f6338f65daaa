package org.opensourceecology.incubator.production.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opensourceecology.incubator.production.ProductionStatistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Production figures from SQL aggregates over verified runs only. */
@Component
class JdbcProductionStatistics implements ProductionStatistics {

    private final JdbcClient jdbc;

    JdbcProductionStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countVerifiedRuns() {
        return jdbc.sql("select count(*) from production_run where status = 'VERIFIED'")
                .query(Long.class)
                .single();
    }

    @Override
    public long countProducersWithVerifiedRun() {
        return jdbc.sql("select count(distinct producer_id) from production_run where status = 'VERIFIED'")
                .query(Long.class)
                .single();
    }

    @Override
    public long verifiedUnitsBuilt() {
        return jdbc.sql("select coalesce(sum(units_built), 0) from production_run where status = 'VERIFIED'")
                .query(Long.class)
                .single();
    }

    @Override
    public SortedMap<String, BigDecimal> verifiedSalesValueByCurrency() {
        var result = new TreeMap<String, BigDecimal>();
        jdbc.sql("""
                        select currency, coalesce(sum(units_sold * unit_price), 0) as sales
                        from production_run where status = 'VERIFIED'
                        group by currency""")
                .query((rs, n) -> result.put(rs.getString("currency"), rs.getBigDecimal("sales")))
                .list();
        return result;
    }

    @Override
    public SortedMap<YearMonth, Long> verifiedUnitsByMonth() {
        var result = new TreeMap<YearMonth, Long>();
        jdbc.sql("""
                        select extract(year from verified_at) as y, extract(month from verified_at) as m,
                               coalesce(sum(units_built), 0) as units
                        from production_run where status = 'VERIFIED'
                        group by extract(year from verified_at), extract(month from verified_at)""")
                .query((rs, n) -> result.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("units")))
                .list();
        return result;
    }
}
