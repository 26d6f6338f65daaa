package org.opensourceecology.incubator.process.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adds indexes that Camunda's PostgreSQL schema lacks, measured by the benchmark (bench/run):
 *
 * <ul>
 *   <li>completing a user task looks up sub-tasks by {@code ACT_RU_TASK.PARENT_TASK_ID_}, which without
 *       an index scans every open task (at 100k open tasks: 107 against 412 steps/s);
 *   <li>the job executor's acquisition asks for jobs that are due ({@code DUEDATE_ is null or DUEDATE_
 *       <= now}); without an index on the due date every poll scans all jobs, and PostgreSQL compiles
 *       that expensive plan with its JIT: 238 ms per poll, idle or not, with 140k timers at 100k open
 *       tasks (0.05 ms with the index), and the 10k-timer burst drained at 38 jobs/s;
 *   <li>Tasklist's and the REST API's task lists ask for the open tasks of one task definition (the
 *       applications to review, a milestone to complete) by due date; without an index on both, the
 *       query for the applications waiting for review at 100k open tasks read every open task (157 ms;
 *       37 ms with the index);
 *   <li>on PostgreSQL, statistics of how task definition and assignee go together: an unassigned review
 *       task is no coincidence, and the planner, which by default takes the two as independent, expected
 *       40 of the 2,000 unassigned review tasks and chose a plan for 40.
 * </ul>
 *
 * Runs after the engine has created or checked its schema; idempotent, so every node may run it on
 * every start.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    static final List<String> CREATE_INDEXES = List.of(
            "create index if not exists incubator_ru_task_parent on act_ru_task (parent_task_id_)",
            "create index if not exists incubator_ru_job_duedate on act_ru_job (duedate_)",
            "create index if not exists incubator_ru_task_def_due on act_ru_task (task_def_key_, due_date_)");

    static final List<String> CREATE_POSTGRES_STATISTICS =
            List.of("create statistics if not exists incubator_ru_task_def_assignee (dependencies, mcv)"
                    + " on task_def_key_, assignee_ from act_ru_task");

    private final DataSource dataSource;

    EngineIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        var statements = new ArrayList<>(CREATE_INDEXES);
        if (DbSqlSessionFactory.POSTGRES.equals(
                ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDatabaseType())) {
            statements.addAll(CREATE_POSTGRES_STATISTICS);
        }
        for (String index : statements) {
            try (var connection = dataSource.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute(index);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException e) {
                // Another node creating it at the same moment is the only expected cause; the next start retries.
                log.warn("Could not create an index ({}): {}", index, e.getMessage());
            }
        }
    }
}
