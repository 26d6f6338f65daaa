package org.opensourceecology.incubator.training.internal;

import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opensourceecology.incubator.training.TrainingStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Training figures as SQL aggregates; no rows are loaded. */
@Component
class JdbcTrainingStatistics implements TrainingStatistics {

    private final JdbcTemplate jdbc;

    JdbcTrainingStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countApplications() {
        return count("select count(*) from training_application");
    }

    @Override
    public long countEnrolled() {
        return count("select count(*) from training_application where cohort_id is not null");
    }

    @Override
    public long countTrainingCompleted() {
        return count("select count(*) from training_application where status = 'COMPLETED'");
    }

    @Override
    public SortedMap<YearMonth, Long> applicationsByMonth() {
        var result = new TreeMap<YearMonth, Long>();
        jdbc.query(
                "select extract(year from submitted_at) as y, extract(month from submitted_at) as m, count(*) as n"
                        + " from training_application"
                        + " group by extract(year from submitted_at), extract(month from submitted_at)",
                rs -> {
                    result.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("n"));
                });
        return result;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
