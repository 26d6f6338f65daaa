package org.opensourceecology.incubator.process.internal;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.opensourceecology.incubator.process.internal.ProcessSettings.CamundaSchemaOwner;
import org.springframework.stereotype.Component;

/**
 * With {@code incubator.process.camunda-schema=flyway} (the {@code prod} profile): before the engine
 * checks its schema, Flyway brings Camunda's tables to the engine's version with
 * {@link CamundaSchemaMigrations} (own history table {@value #HISTORY_TABLE}, beside the modules'
 * {@code flyway_schema_history}), under Flyway's lock so that one node of a cluster migrates while the
 * others wait. Then the schema's version must be the engine's, or the application does not start.
 * The engine itself runs with {@code schema-update=false}: it only checks that its tables are there.
 */
@Component
class CamundaSchema extends AbstractProcessEnginePlugin {

    static final String HISTORY_TABLE = "flyway_camunda_history";
    /** Holds no SQL: the steps are Java (CamundaSchemaMigrations); its README says how to add one. */
    static final String LOCATION = "classpath:db/camunda";

    private final DataSource dataSource;
    private final ProcessSettings settings;

    CamundaSchema(DataSource dataSource, ProcessSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** After the configuration is complete (database type known) and before the engine touches the schema. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (settings.camundaSchema() != CamundaSchemaOwner.FLYWAY) {
            return;
        }
        if (!"false".equals(configuration.getDatabaseSchemaUpdate())) {
            throw new CamundaSchemaException("incubator.process.camunda-schema=flyway needs"
                    + " camunda.bpm.database.schema-update=false (found '" + configuration.getDatabaseSchemaUpdate()
                    + "'): Flyway owns Camunda's schema and the engine must not change it.");
        }
        migrate(dataSource, configuration.getDatabaseType(), CamundaVersion.ofEngine());
    }

    static void migrate(DataSource dataSource, String databaseType, CamundaVersion engine) {
        Flyway.configure(CamundaSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .javaMigrations(
                        CamundaSchemaMigrations.steps(databaseType, engine).toArray(JavaMigration[]::new))
                // The modules' tables are in the same schema: start this history at 0 in a schema that
                // is not empty, so that every step still runs (and checks) on its first migrate.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("Camunda schema history starts")
                .load()
                .migrate();
        verify(dataSource, databaseType, engine);
    }

    /** The schema must be at the engine's minor version after the migrations. */
    static void verify(DataSource dataSource, String databaseType, CamundaVersion engine) {
        CamundaSchemaState state;
        try (var connection = dataSource.getConnection()) {
            state = CamundaSchemaState.read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the Camunda schema's version: " + e.getMessage(), e);
        }
        if (state.empty()) {
            throw new CamundaSchemaException("No Camunda tables after the migrations in " + HISTORY_TABLE
                    + ": they were dropped after being recorded there. Restore the database from a backup.");
        }
        if (state.version().compareMinor(engine) > 0) {
            throw CamundaSchemaMigrations.newerThanEngine(state.version(), engine);
        }
        if (!state.version().sameMinor(engine)) {
            throw new CamundaSchemaException("This database's Camunda schema is version " + state.version()
                    + " after the migrations in " + HISTORY_TABLE + ", but this application runs Camunda " + engine
                    + ". Either the schema was changed outside the application (restore it, or run "
                    + CamundaSchemaMigrations.upgradeScripts(databaseType, state.version(), engine)
                    + " after a backup), or camunda.version was raised without its migration: add the Upgrade step"
                    + " to CamundaSchemaMigrations (src/main/resources/db/camunda/README.md).");
        }
    }
}
