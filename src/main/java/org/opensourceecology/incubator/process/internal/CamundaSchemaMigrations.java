package org.opensourceecology.incubator.process.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The history of Camunda's schema as Flyway migrations: one per Camunda minor version, recorded in
 * {@value CamundaSchema#HISTORY_TABLE}, each running the SQL scripts that ship in the camunda-engine jar.
 * Every step looks at the schema first: it takes over a schema that is already at its version (created
 * earlier by the engine's {@code schema-update}, or upgraded by a DBA with Camunda's scripts) and refuses,
 * with a message saying what to do, one it cannot bring to its version. Each step runs in one
 * transaction, so on PostgreSQL a failed step leaves no half-created or half-upgraded schema.
 *
 * <p>When {@code camunda.version} is raised (say to 7.25), add {@code new Upgrade("7.24", "7.25", ...)}
 * below (see {@code src/main/resources/db/camunda/README.md}); {@code CamundaSchemaMigrationsTest} fails
 * until the last step reaches the engine's version.
 */
final class CamundaSchemaMigrations {

    /** What Camunda's create scripts are called, in the order the engine runs them itself. */
    static final List<String> CREATE_COMPONENTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    private static final Logger log = LoggerFactory.getLogger(CamundaSchemaMigrations.class);

    private CamundaSchemaMigrations() {}

    /**
     * @param databaseType Camunda's name for the database ("postgres", "h2"), as in its script names
     * @param engine the version of the camunda-engine jar that runs
     */
    static List<JavaMigration> steps(String databaseType, CamundaVersion engine) {
        return List.of(
                new Create(CamundaVersion.parse("7.24"), databaseType, engine)
                // When camunda.version is raised to 7.25:
                // , new Upgrade(CamundaVersion.parse("7.24"), CamundaVersion.parse("7.25"), databaseType, engine)
                );
    }

    static String createScript(String databaseType, String component) {
        return "org/camunda/bpm/engine/db/create/activiti." + databaseType + ".create." + component + ".sql";
    }

    static String upgradeScript(String databaseType, CamundaVersion from, CamundaVersion to) {
        return "org/camunda/bpm/engine/db/upgrade/" + databaseType + "_engine_" + from.minorVersion() + "_to_"
                + to.minorVersion() + ".sql";
    }

    /** Camunda's upgrade scripts from one version to another, one per minor version, in order. */
    static String upgradeScripts(String databaseType, CamundaVersion from, CamundaVersion to) {
        return IntStream.range(from.minor(), to.minor())
                .mapToObj(minor -> upgradeScript(
                        databaseType,
                        new CamundaVersion(from.major(), minor, 0),
                        new CamundaVersion(from.major(), minor + 1, 0)))
                .collect(Collectors.joining(", "));
    }

    /** One step: the version it brings the schema to, and how. */
    abstract static class Step implements JavaMigration {

        final CamundaVersion target;
        final String databaseType;
        final CamundaVersion engine;

        Step(CamundaVersion target, String databaseType, CamundaVersion engine) {
            this.target = target;
            this.databaseType = databaseType;
            this.engine = engine;
        }

        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion(target.minorVersion());
        }

        @Override
        public Integer getChecksum() {
            return null;
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Context context) throws Exception {
            Connection connection = context.getConnection();
            var state = CamundaSchemaState.read(connection);
            if (!state.empty() && state.version().compareMinor(engine) > 0) {
                throw newerThanEngine(state.version(), engine);
            }
            apply(connection, state);
        }

        abstract void apply(Connection connection, CamundaSchemaState state) throws Exception;

        void run(Connection connection, String script) {
            var resource = new ClassPathResource(script, ProcessEngine.class.getClassLoader());
            if (!resource.exists()) {
                throw new CamundaSchemaException("camunda-engine " + engine + " has no " + script
                        + ": this Camunda version does not ship the script this migration needs."
                        + " Check Camunda's update guide for the version and fix the step in CamundaSchemaMigrations.");
            }
            log.info("Camunda schema: running {}", script);
            ScriptUtils.executeSqlScript(connection, new EncodedResource(resource, StandardCharsets.UTF_8));
        }
    }

    /**
     * The first step: creates the schema in a database without Camunda tables (Camunda's create
     * scripts, which make the engine's own version), or takes over a schema of at least its version.
     */
    static final class Create extends Step {

        Create(CamundaVersion target, String databaseType, CamundaVersion engine) {
            super(target, databaseType, engine);
        }

        @Override
        public String getDescription() {
            return "Camunda schema: create, or take over one at " + target.minorVersion() + " or later";
        }

        @Override
        void apply(Connection connection, CamundaSchemaState state) {
            if (state.empty()) {
                log.info("Camunda schema: creating it for Camunda {}", engine);
                CREATE_COMPONENTS.forEach(component -> run(connection, createScript(databaseType, component)));
                return;
            }
            if (state.version().compareMinor(target) < 0) {
                throw new CamundaSchemaException("This database's Camunda schema is version " + state.version()
                        + " (" + CamundaSchemaState.SCHEMA_LOG + "), but this application runs Camunda " + engine
                        + " and only takes over a schema of its own version: it never upgrades a schema it has not"
                        + " recorded in " + CamundaSchema.HISTORY_TABLE + ". Back up the database, run Camunda's"
                        + " upgrade scripts in order (" + upgradeScripts(databaseType, state.version(), engine)
                        + ", in the camunda-engine-" + engine + " jar or Camunda's SQL scripts download)"
                        + " and start again.");
            }
            log.info(
                    "Camunda schema: taking over the existing schema of version {} ({} tables)",
                    state.version(),
                    state.tables().size());
        }
    }

    /** A later step: runs Camunda's upgrade script from the previous minor version to its own. */
    static final class Upgrade extends Step {

        final CamundaVersion from;

        Upgrade(CamundaVersion from, CamundaVersion to, String databaseType, CamundaVersion engine) {
            super(to, databaseType, engine);
            this.from = from;
        }

        @Override
        public String getDescription() {
            return "Camunda schema: upgrade " + from.minorVersion() + " to " + target.minorVersion();
        }

        @Override
        void apply(Connection connection, CamundaSchemaState state) {
            if (state.empty()) {
                throw new CamundaSchemaException("The Camunda tables are gone, yet " + CamundaSchema.HISTORY_TABLE
                        + " records them: restore the database from a backup.");
            }
            if (state.version().compareMinor(target) >= 0) {
                log.info("Camunda schema: already at {}, nothing to upgrade", state.version());
                return;
            }
            if (!state.version().sameMinor(from)) {
                throw new CamundaSchemaException("This database's Camunda schema is version " + state.version()
                        + ", but the upgrade to " + target.minorVersion() + " starts from " + from.minorVersion()
                        + ": restore the database from a backup or bring it to " + from.minorVersion()
                        + " with Camunda's scripts first.");
            }
            run(connection, upgradeScript(databaseType, from, target));
        }
    }

    static CamundaSchemaException newerThanEngine(CamundaVersion schema, CamundaVersion engine) {
        return new CamundaSchemaException("This database's Camunda schema is version " + schema + ", newer than"
                + " this application's Camunda " + engine + ". Start an application version built with Camunda "
                + schema.minorVersion() + " or later; a schema is never downgraded.");
    }
}
