package org.opensourceecology.incubator.production.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.opensourceecology.incubator.production.ProductionRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A producer's verified runs, aggregated in SQL, as evidence for certification. */
@Component
class JdbcProductionRecords implements ProductionRecords {

    private final JdbcClient jdbc;

    JdbcProductionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ProducerRecord recordOf(String producerId, String enterpriseSlug) {
        var runs = jdbc.sql("""
                        select count(*) as runs, coalesce(sum(units_built), 0) as units,
                               coalesce(sum(case when documentation_url is null or documentation_url = '' then 1 else 0 end), 0) as undocumented
                        from production_run
                        where producer_id = :producer and enterprise_slug = :slug and status = 'VERIFIED'""")
                .param("producer", producerId)
                .param("slug", enterpriseSlug)
                .query((rs, n) -> new int[] {rs.getInt("runs"), rs.getInt("units"), rs.getInt("undocumented")})
                .single();
        var units = jdbc.sql("""
                        select count(*) as units,
                               coalesce(sum(case when unit_checks.checks > 0 and unit_checks.passed = unit_checks.checks then 1 else 0 end), 0) as passing
                        from (select u.id, count(c.id) as checks,
                                     sum(case when c.passed then 1 else 0 end) as passed
                              from production_unit u
                              join production_run r on r.id = u.run_id
                              left join qc_check c on c.unit_id = u.id
                              where r.producer_id = :producer and r.enterprise_slug = :slug and r.status = 'VERIFIED'
                              group by u.id) unit_checks""")
                .param("producer", producerId)
                .param("slug", enterpriseSlug)
                .query((rs, n) -> new long[] {rs.getLong("units"), rs.getLong("passing")})
                .single();
        double passRate = units[0] == 0 ? 0.0 : (double) units[1] / units[0];
        return new ProducerRecord(runs[0], runs[1], passRate, runs[0] > 0 && runs[2] == 0);
    }

    @Override
    public List<VerifiedRun> verifiedRunsOf(String producerId, String enterpriseSlug) {
        return jdbc
                .sql("""
                        select id, verified_at, units_built, documentation_url from production_run
                        where producer_id = :producer and enterprise_slug = :slug and status = 'VERIFIED'
                        order by verified_at, id""")
                .param("producer", producerId)
                .param("slug", enterpriseSlug)
                .query((rs, n) -> new VerifiedRun(
                        rs.getLong("id"),
                        rs.getTimestamp("verified_at").toInstant(),
                        rs.getInt("units_built"),
                        rs.getString("documentation_url"),
                        List.of()))
                .list()
                .stream()
                .map(run -> new VerifiedRun(
                        run.id(),
                        run.verifiedAt(),
                        run.unitsBuilt(),
                        run.documentationUrl(),
                        jdbc.sql("select serial_number from production_unit where run_id = :run order by id")
                                .param("run", run.id())
                                .query(String.class)
                                .list()))
                .toList();
    }

    @Override
    public long countVerifiedRunsSince(String producerId, String enterpriseSlug, Instant since) {
        return jdbc.sql("""
                        select count(*) from production_run
                        where producer_id = :producer and enterprise_slug = :slug and status = 'VERIFIED'
                          and verified_at >= :since""")
                .param("producer", producerId)
                .param("slug", enterpriseSlug)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }
}
