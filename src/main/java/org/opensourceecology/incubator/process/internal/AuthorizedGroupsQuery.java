package org.opensourceecology.incubator.process.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Replaces, on PostgreSQL, the query by which Camunda learns which groups hold any authorization.
 *
 * <p>With authorization on, every command of an authenticated user first asks
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} (statement {@code selectAuthorizedGroupIds})
 * and keeps the user's groups among the answer. Camunda writes an authorization for the assignee and for
 * the candidates of every task, so that table grows with the open tasks, and the query reads all of it:
 * 14 ms at 100k open tasks, several times per request. The benchmark (bench/run) found it behind most of
 * the time of Tasklist, {@code /engine-rest/task} and the journey steps at 100k open tasks.
 *
 * <p>The replacement gives the same groups by walking Camunda's own index on {@code GROUP_ID_}
 * ({@code ACT_IDX_AUTH_GROUP_ID}) from one distinct group to the next (a recursive query, one index
 * probe per group): about 0.1 ms, however many tasks are open. It leaves out the null group of user
 * authorizations, which Camunda drops anyway (it keeps only the user's own groups). Other databases
 * keep Camunda's statement.
 */
@Component
class AuthorizedGroupsQuery extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(AuthorizedGroupsQuery.class);

    static final String CAMUNDA_STATEMENT = "selectAuthorizedGroupIds";
    static final String STATEMENT = "incubatorSelectAuthorizedGroupIds";

    static String sql(String prefix) {
        String table = prefix + "ACT_RU_AUTHORIZATION";
        return "WITH RECURSIVE G AS ("
                + " (SELECT GROUP_ID_ FROM " + table + " WHERE GROUP_ID_ IS NOT NULL ORDER BY GROUP_ID_ LIMIT 1)"
                + " UNION ALL"
                + " SELECT (SELECT A.GROUP_ID_ FROM " + table + " A WHERE A.GROUP_ID_ > G.GROUP_ID_"
                + " ORDER BY A.GROUP_ID_ LIMIT 1) FROM G WHERE G.GROUP_ID_ IS NOT NULL)"
                + " SELECT GROUP_ID_ FROM G WHERE GROUP_ID_ IS NOT NULL";
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
            return;
        }
        var mybatis = configuration.getSqlSessionFactory().getConfiguration();
        synchronized (mybatis) {
            // engines of one JVM may share the MyBatis configuration (isUseSharedSqlSessionFactory)
            if (!mybatis.hasStatement(STATEMENT, false)) {
                var source = new StaticSqlSource(mybatis, sql(configuration.getDatabaseTablePrefix()));
                var result =
                        new ResultMap.Builder(mybatis, STATEMENT + "-Inline", String.class, new ArrayList<>()).build();
                mybatis.addMappedStatement(
                        new MappedStatement.Builder(mybatis, STATEMENT, source, SqlCommandType.SELECT)
                                .resultMaps(List.of(result))
                                .build());
            }
        }
        var factory = configuration.getDbSqlSessionFactory();
        // Camunda's mappings for PostgreSQL are one map shared by every engine: this engine gets a copy
        var mappings = factory.getStatementMappings() == null
                ? new HashMap<String, String>()
                : new HashMap<>(factory.getStatementMappings());
        mappings.put(CAMUNDA_STATEMENT, STATEMENT);
        factory.setStatementMappings(mappings);
        log.debug("Camunda's {} runs as {}", CAMUNDA_STATEMENT, STATEMENT);
    }
}
