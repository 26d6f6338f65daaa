package org.opensourceecology.incubator.production.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The production tables: runs, their units and the quality-control checks of each unit. */
@Repository
class ProductionRuns {

    enum Status {
        PLANNED,
        RECORDED,
        VERIFIED,
        CORRECTION_REQUESTED;

        boolean isRecordable() {
            return this == PLANNED || this == CORRECTION_REQUESTED;
        }
    }

    record Run(
            long id,
            Long applicationId,
            String producerId,
            String enterpriseSlug,
            String mentorId,
            int plannedUnits,
            BigDecimal targetPrice,
            Status status,
            Integer unitsBuilt,
            BigDecimal unitCost,
            BigDecimal unitPrice,
            Integer unitsSold,
            String currency,
            String documentationUrl,
            BigDecimal qcPassRate,
            String correctionComment) {}

    record Criterion(String name, String description, String measurementUnit) {}

    record Check(String criterion, boolean passed, String measurement) {}

    record Unit(String serialNumber, List<Check> checks) {}

    record Recording(
            BigDecimal unitCost,
            BigDecimal unitPrice,
            int unitsSold,
            String currency,
            String documentationUrl,
            List<Unit> units) {}

    private final JdbcClient jdbc;

    ProductionRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(
            Long applicationId,
            String producerId,
            String enterpriseSlug,
            String mentorId,
            int plannedUnits,
            BigDecimal targetPrice,
            String currency,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into production_run (application_id, producer_id, enterprise_slug, mentor_id,
                            planned_units, target_price, status, currency, created_at)
                        values (:applicationId, :producerId, :slug, :mentorId, :plannedUnits, :targetPrice,
                            'PLANNED', :currency, :now)""")
                .param("applicationId", applicationId)
                .param("producerId", producerId)
                .param("slug", enterpriseSlug)
                .param("mentorId", mentorId)
                .param("plannedUnits", plannedUnits)
                .param("targetPrice", targetPrice)
                .param("currency", currency)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Run> find(long id) {
        return jdbc.sql("select * from production_run where id = :id")
                .param("id", id)
                .query(ProductionRuns::run)
                .optional();
    }

    List<Criterion> criteriaOf(String enterpriseSlug) {
        return jdbc.sql(
                        "select name, description, measurement_unit from qc_criterion where enterprise_slug = :slug order by position, name")
                .param("slug", enterpriseSlug)
                .query((rs, n) -> new Criterion(
                        rs.getString("name"), rs.getString("description"), rs.getString("measurement_unit")))
                .list();
    }

    List<Unit> unitsOf(long runId) {
        List<Long> unitIds = jdbc.sql("select id from production_unit where run_id = :run order by id")
                .param("run", runId)
                .query(Long.class)
                .list();
        return unitIds.stream()
                .map(unitId -> new Unit(
                        jdbc.sql("select serial_number from production_unit where id = :id")
                                .param("id", unitId)
                                .query(String.class)
                                .single(),
                        jdbc.sql("select criterion, passed, measurement from qc_check where unit_id = :id order by id")
                                .param("id", unitId)
                                .query((rs, n) -> new Check(
                                        rs.getString("criterion"),
                                        rs.getBoolean("passed"),
                                        rs.getString("measurement")))
                                .list()))
                .toList();
    }

    /** Per unit: how many checks it had and how many passed (aggregated in SQL). */
    List<QualityControl.UnitResult> unitResults(long runId) {
        return jdbc.sql("""
                        select u.serial_number,
                               count(c.id) as checks,
                               coalesce(sum(case when c.passed then 1 else 0 end), 0) as passed
                        from production_unit u left join qc_check c on c.unit_id = u.id
                        where u.run_id = :run
                        group by u.id, u.serial_number
                        order by u.id""")
                .param("run", runId)
                .query((rs, n) ->
                        new QualityControl.UnitResult(rs.getString(1), rs.getInt("checks"), rs.getInt("passed")))
                .list();
    }

    /** Replaces what was recorded before (a corrected run is recorded again). */
    void record(long runId, Recording recording, Instant now) {
        jdbc.sql("delete from production_unit where run_id = :run")
                .param("run", runId)
                .update();
        for (Unit unit : recording.units()) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into production_unit (run_id, serial_number) values (:run, :serial)")
                    .param("run", runId)
                    .param("serial", unit.serialNumber())
                    .update(keys, "id");
            long unitId = keys.getKeyAs(Number.class).longValue();
            for (Check check : unit.checks()) {
                jdbc.sql(
                                "insert into qc_check (unit_id, criterion, passed, measurement) values (:unit, :criterion, :passed, :measurement)")
                        .param("unit", unitId)
                        .param("criterion", check.criterion())
                        .param("passed", check.passed())
                        .param("measurement", check.measurement())
                        .update();
            }
        }
        jdbc.sql("""
                        update production_run set status = 'RECORDED', units_built = :built, unit_cost = :cost,
                            unit_price = :price, units_sold = :sold, currency = :currency,
                            documentation_url = :doc, recorded_at = :now
                        where id = :id""")
                .param("built", recording.units().size())
                .param("cost", recording.unitCost())
                .param("price", recording.unitPrice())
                .param("sold", recording.unitsSold())
                .param("currency", recording.currency())
                .param("doc", recording.documentationUrl())
                .param("now", Timestamp.from(now))
                .param("id", runId)
                .update();
    }

    void setQcPassRate(long runId, double passRate) {
        jdbc.sql("update production_run set qc_pass_rate = :rate where id = :id")
                .param("rate", BigDecimal.valueOf(passRate).setScale(4, java.math.RoundingMode.HALF_UP))
                .param("id", runId)
                .update();
    }

    void requestCorrection(long runId, String comment) {
        jdbc.sql(
                        "update production_run set status = 'CORRECTION_REQUESTED', correction_comment = :comment where id = :id")
                .param("comment", comment)
                .param("id", runId)
                .update();
    }

    void markVerified(long runId, String verifiedBy, Instant now) {
        jdbc.sql(
                        "update production_run set status = 'VERIFIED', verified_at = :now, verified_by = :by, correction_comment = null where id = :id")
                .param("now", Timestamp.from(now))
                .param("by", verifiedBy)
                .param("id", runId)
                .update();
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        return new Run(
                rs.getLong("id"),
                (Long) rs.getObject("application_id", Long.class),
                rs.getString("producer_id"),
                rs.getString("enterprise_slug"),
                rs.getString("mentor_id"),
                rs.getInt("planned_units"),
                rs.getBigDecimal("target_price"),
                Status.valueOf(rs.getString("status")),
                rs.getObject("units_built", Integer.class),
                rs.getBigDecimal("unit_cost"),
                rs.getBigDecimal("unit_price"),
                rs.getObject("units_sold", Integer.class),
                rs.getString("currency"),
                rs.getString("documentation_url"),
                rs.getBigDecimal("qc_pass_rate"),
                rs.getString("correction_comment"));
    }
}
