package org.opensourceecology.incubator.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL: the indexes and statistics of {@link EngineIndexes}, and {@link AuthorizedGroupsQuery};
 * and the REST API's way to the engine, {@link EngineRestProcessEngineProvider}.
 */
@IntegrationTest
class EngineTuningIT {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void indexesTheLookupsThatCamundaLeavesUnindexed() {
        assertThat(indexDefinition("incubator_ru_task_parent")).contains("act_ru_task", "parent_task_id_");
        assertThat(indexDefinition("incubator_ru_job_duedate")).contains("act_ru_job", "duedate_");
        assertThat(indexDefinition("incubator_ru_task_def_due")).contains("act_ru_task", "task_def_key_, due_date_");
        assertThat(jdbc.queryForObject(
                        "select string_agg(a.attname, ',' order by a.attname) from pg_statistic_ext s"
                                + " join pg_attribute a on a.attrelid = s.stxrelid and a.attnum = any (s.stxkeys)"
                                + " where s.stxname = 'incubator_ru_task_def_assignee'",
                        String.class))
                .isEqualTo("assignee_,task_def_key_");
    }

    @Test
    void theEngineAsksForAuthorizedGroupsWithTheIndexWalk() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupsQuery.CAMUNDA_STATEMENT))
                .isEqualTo(AuthorizedGroupsQuery.STATEMENT);
    }

    @Test
    void theIndexWalkFindsTheGroupsThatCamundasOwnQueryFinds() {
        var camunda = new HashSet<>(jdbc.queryForList(
                "select distinct group_id_ from act_ru_authorization where group_id_ is not null", String.class));
        var walk = new HashSet<>(jdbc.queryForList(AuthorizedGroupsQuery.sql(""), String.class));

        assertThat(camunda).contains("mentors", "trainees");
        assertThat(walk).isEqualTo(camunda);
    }

    @Test
    void theEngineKeepsTheUsersGroupsThatHoldAuthorizations() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Command<List<String>> filter = context ->
                context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("mentors", "no-such-group"));

        assertThat(configuration.getCommandExecutorTxRequired().execute(filter)).containsExactly("mentors");
    }

    @Test
    void theRestApiFindsTheEngineThroughTheApplicationsProvider() {
        var first = ServiceLoader.load(ProcessEngineProvider.class).iterator().next();

        assertThat(first).isInstanceOf(EngineRestProcessEngineProvider.class);
        assertThat(EngineUtil.lookupProcessEngine(null)).isSameAs(engine);
        assertThat(EngineUtil.lookupProcessEngine(engine.getName())).isSameAs(engine);
        assertThat(first.getProcessEngineNames()).contains(engine.getName());
    }

    private String indexDefinition(String name) {
        return jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class, name);
    }
}
