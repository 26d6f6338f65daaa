package org.opensourceecology.incubator.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.IncubatorApplication;
import org.opensourceecology.incubator.support.PostgresTestDatabase;
import org.opensourceecology.incubator.support.TestMail;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The {@code prod} profile on real PostgreSQL: Flyway owns Camunda's schema. Each test uses a scratch
 * database of its own (named after the checkout's test database, dropped at the end), so parallel runs
 * from other checkouts never meet.
 */
class CamundaSchemaIT {

    static final CamundaVersion ENGINE = CamundaVersion.ofEngine();
    static final List<String> scratchDatabases = new ArrayList<>();

    @AfterAll
    static void dropScratchDatabases() throws SQLException {
        for (String name : scratchDatabases) {
            admin("drop database if exists " + name + " with (force)");
        }
    }

    @Test
    void onAnEmptyDatabaseProdCreatesBothSchemasAndStarts() {
        String db = scratchDatabase("empty");

        try (var app = startProd(db)) {
            var engine = app.getBean(ProcessEngine.class);
            assertThat(engine.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey(JourneyProcess.KEY)
                            .count())
                    .isOne();
        }

        var jdbc = jdbc(db);
        assertThat(jdbc.queryForList(
                        "select version from " + CamundaSchema.HISTORY_TABLE + " where success order by installed_rank",
                        String.class))
                .containsExactly("0", ENGINE.minorVersion());
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class))
                .containsExactly(ENGINE.toString());
        assertThat(jdbc.queryForObject(
                        "select count(*) from flyway_schema_history where success and version = '85'", Long.class))
                .as("the modules' migrations ran too")
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from manual_download", Long.class))
                .as("no demo data in prod")
                .isZero();
    }

    @Test
    void aDatabaseTheEngineCreatedBeforeIsTakenOverWithoutDdl() {
        String db = scratchDatabase("engine");
        asCreatedByTheEngineWithSchemaUpdate(db);
        var jdbc = jdbc(db);
        var schemaLogBefore = jdbc.queryForList("select id_, timestamp_, version_ from act_ge_schema_log");

        try (var app = startProd(db)) {
            assertThat(app.getBean(ProcessEngine.class)
                            .getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey(JourneyProcess.KEY)
                            .count())
                    .isOne();
        }

        assertThat(jdbc.queryForList(
                        "select description from " + CamundaSchema.HISTORY_TABLE + " where success and version = ?",
                        String.class,
                        ENGINE.minorVersion()))
                .singleElement()
                .asString()
                .contains("take over");
        assertThat(jdbc.queryForList("select id_, timestamp_, version_ from act_ge_schema_log"))
                .as("no Camunda script ran")
                .isEqualTo(schemaLogBefore);

        // Changed outside the application afterwards: the next start refuses it, in either direction.
        jdbc.update("update act_ge_schema_log set version_ = '7.23.0'");
        assertThatThrownBy(() -> CamundaSchema.migrate(dataSource(db), "postgres", ENGINE))
                .isInstanceOf(CamundaSchemaException.class)
                .hasMessageContaining("version 7.23.0 after the migrations in " + CamundaSchema.HISTORY_TABLE)
                .hasMessageContaining("postgres_engine_7.23_to_7.24.sql");
        jdbc.update(
                "update act_ge_schema_log set version_ = ?", ENGINE.nextMinor().toString());
        assertThatThrownBy(() -> CamundaSchema.migrate(dataSource(db), "postgres", ENGINE))
                .isInstanceOf(CamundaSchemaException.class)
                .hasMessageContaining(
                        "version " + ENGINE.nextMinor() + ", newer than this application's Camunda " + ENGINE)
                .hasMessageContaining("never downgraded");
    }

    @Test
    void anOlderCamundaSchemaStopsTheStartAndSaysWhichScriptsToRun() {
        String db = scratchDatabase("older");
        asCreatedByTheEngineWithSchemaUpdate(db);
        var jdbc = jdbc(db);
        // As a database last upgraded to 7.23 would say.
        jdbc.update("update act_ge_schema_log set version_ = '7.23.0'");

        assertThatThrownBy(() -> startProd(db).close())
                .satisfies(failure -> assertThat(schemaProblem(failure))
                        .as("the cause the operator reads")
                        .hasMessageContaining("Camunda schema is version 7.23.0")
                        .hasMessageContaining("runs Camunda " + ENGINE)
                        .hasMessageContaining("org/camunda/bpm/engine/db/upgrade/postgres_engine_7.23_to_7.24.sql"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + CamundaSchema.HISTORY_TABLE + " where version = ?",
                        Long.class,
                        ENGINE.minorVersion()))
                .as("nothing recorded for the refused step")
                .isZero();
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class))
                .containsExactly("7.23.0");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** What the application did before the prod profile let Flyway own Camunda's schema. */
    private static void asCreatedByTheEngineWithSchemaUpdate(String db) {
        Flyway.configure()
                .dataSource(url(db), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        var configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("schemait" + db.hashCode())
                .setJdbcDriver("org.postgresql.Driver")
                .setJdbcUrl(url(db))
                .setJdbcUsername(PostgresTestDatabase.USER)
                .setJdbcPassword(PostgresTestDatabase.PASSWORD)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false);
        configuration.buildProcessEngine().close();
    }

    private static ConfigurableApplicationContext startProd(String db) {
        // Command-line arguments outrank application-prod.yaml, as a real deployment's environment does.
        return new SpringApplicationBuilder(IncubatorApplication.class)
                .initializers(new TestMail())
                .run(
                        "--spring.profiles.active=prod",
                        "--spring.datasource.url=" + url(db),
                        "--spring.datasource.username=" + PostgresTestDatabase.USER,
                        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                        "--incubator.base-url=http://localhost",
                        "--server.port=0",
                        "--camunda.bpm.process-engine-name=camundaschema",
                        "--camunda.bpm.webapp.enabled=false",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.jmx.enabled=false");
    }

    private static CamundaSchemaException schemaProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CamundaSchemaException problem) {
                return problem;
            }
        }
        throw new AssertionError("no CamundaSchemaException in the causes of " + failure, failure);
    }

    private static String scratchDatabase(String purpose) {
        String name = PostgresTestDatabase.NAME + "_cs_" + purpose;
        try {
            admin("drop database if exists " + name + " with (force)");
            admin("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        scratchDatabases.add(name);
        return name;
    }

    private static void admin(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT
                                + "/postgres",
                        PostgresTestDatabase.USER,
                        PostgresTestDatabase.PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String url(String db) {
        return "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/" + db;
    }

    private static DriverManagerDataSource dataSource(String db) {
        return new DriverManagerDataSource(url(db), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    private static JdbcTemplate jdbc(String db) {
        return new JdbcTemplate(dataSource(db));
    }
}
