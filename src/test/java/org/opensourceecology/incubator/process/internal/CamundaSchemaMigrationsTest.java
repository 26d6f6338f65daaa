package org.opensourceecology.incubator.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.process.internal.CamundaSchemaMigrations.Create;
import org.opensourceecology.incubator.process.internal.CamundaSchemaMigrations.Upgrade;
import org.springframework.core.io.ClassPathResource;

/**
 * The convention of {@link CamundaSchemaMigrations}: raising {@code camunda.version} without adding its
 * upgrade step fails here, before any database sees the new engine.
 */
class CamundaSchemaMigrationsTest {

    static final CamundaVersion ENGINE = CamundaVersion.ofEngine();

    @Test
    void theLastStepReachesTheEngineOnTheClasspath() {
        var steps = CamundaSchemaMigrations.steps("postgres", ENGINE);

        assertThat(steps.get(steps.size() - 1).getVersion())
                .as("add the Upgrade step to %s (db/camunda/README.md)", ENGINE.minorVersion())
                .isEqualTo(MigrationVersion.fromVersion(ENGINE.minorVersion()));
    }

    @Test
    void stepsStartWithCreateAndUpgradeOneMinorVersionAtATime() {
        var steps = CamundaSchemaMigrations.steps("postgres", ENGINE);

        assertThat(steps.get(0)).isInstanceOf(Create.class);
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i)).isInstanceOf(Upgrade.class);
            var upgrade = (Upgrade) steps.get(i);
            var previous = (CamundaSchemaMigrations.Step) steps.get(i - 1);
            assertThat(upgrade.from).isEqualTo(previous.target);
            assertThat(upgrade.target).isEqualTo(upgrade.from.nextMinor());
        }
    }

    @Test
    void everyScriptTheStepsRunShipsInTheEngineJar() {
        for (String component : CamundaSchemaMigrations.CREATE_COMPONENTS) {
            assertThat(engineResource(CamundaSchemaMigrations.createScript("postgres", component)))
                    .as(component)
                    .isTrue();
        }
        for (var step : CamundaSchemaMigrations.steps("postgres", ENGINE)) {
            if (step instanceof Upgrade upgrade) {
                assertThat(engineResource(
                                CamundaSchemaMigrations.upgradeScript("postgres", upgrade.from, upgrade.target)))
                        .as(step.getDescription())
                        .isTrue();
            }
        }
        // and the naming is Camunda's: the script that brought 7.23 to 7.24 is there under that name
        assertThat(engineResource(CamundaSchemaMigrations.upgradeScript(
                        "postgres", CamundaVersion.parse("7.23"), CamundaVersion.parse("7.24"))))
                .isTrue();
    }

    @Test
    void upgradeAdviceListsOneScriptPerMinorVersionInOrder() {
        assertThat(CamundaSchemaMigrations.upgradeScripts(
                        "postgres", CamundaVersion.parse("7.22.0"), CamundaVersion.parse("7.24.0")))
                .isEqualTo("org/camunda/bpm/engine/db/upgrade/postgres_engine_7.22_to_7.23.sql, "
                        + "org/camunda/bpm/engine/db/upgrade/postgres_engine_7.23_to_7.24.sql");
    }

    @Test
    void versionsCompareByNumberNotByText() {
        assertThat(CamundaVersion.parse("7.9.0")).isLessThan(CamundaVersion.parse("7.24.0"));
        assertThat(CamundaVersion.parse("7.24.0-ee")).isEqualTo(new CamundaVersion(7, 24, 0));
        assertThat(CamundaVersion.parse("7.24").sameMinor(CamundaVersion.parse("7.24.3")))
                .isTrue();
        assertThat(CamundaVersion.parse("7.13.6").compareMinor(CamundaVersion.parse("7.13.0")))
                .isZero();
        assertThatThrownBy(() -> CamundaVersion.parse("fox")).hasMessageContaining("fox");
    }

    private static boolean engineResource(String path) {
        return new ClassPathResource(path, ProcessEngine.class.getClassLoader()).exists();
    }
}
