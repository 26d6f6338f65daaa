package org.opensourceecology.incubator.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.notification.Notifications;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL drops every connection of the application (as a server restart or failover does). The
 * application recovers by itself, and work that was in flight is rolled back whole: never a process
 * instance without its domain rows, or the other way round.
 */
@IntegrationTest
class DatabaseConnectionLossIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    Notifications notifications;

    @Autowired
    TestRestTemplate http;

    String deploymentId;

    @BeforeEach
    void deployWaitingProcess() {
        deploymentId = repositoryService
                .createDeployment()
                .addModelInstance(
                        "outage-probe.bpmn",
                        Bpmn.createExecutableProcess("outage-probe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("outage_wait")
                                .endEvent()
                                .done())
                .deploy()
                .getId();
    }

    @AfterEach
    void removeProcess() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void recoversByItselfAfterTheDatabaseDropsAllConnections() throws Exception {
        assertThat(terminateAllApplicationConnections()).isPositive();

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(http.getForEntity("/actuator/health/readiness", String.class)
                                .getBody())
                        .contains("\"UP\""));
        // A connection used less than half a second before the server dropped it is handed out without a
        // check (Hikari's alive-bypass window): that one call fails, and the pool evicts the connection.
        // Recovering by itself means every later call succeeds, through the engine and plain JDBC.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            assertThat(runtimeService.createProcessInstanceQuery().count()).isNotNegative();
            assertThat(jdbc.queryForObject("select count(*) from enterprise_specification", Long.class))
                    .isPositive();
        });
        for (int i = 0; i < 20; i++) {
            assertThat(runtimeService.createProcessInstanceQuery().count()).isNotNegative();
            assertThat(jdbc.queryForObject("select count(*) from enterprise_specification", Long.class))
                    .isPositive();
        }
    }

    @Test
    void workInFlightIsRolledBackWhole() {
        String businessKey = "outage-" + UUID.randomUUID();
        String recipient = businessKey + "@example.org";

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    runtimeService.startProcessInstanceByKey("outage-probe", businessKey);
                    notifications.send(recipient, "notification-test", Map.of("text", "in flight"), Locale.ENGLISH);
                    Integer pid = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
                    terminate(pid);
                }))
                .isInstanceOf(RuntimeException.class);

        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            assertThat(runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceBusinessKey(businessKey)
                            .count())
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "select count(*) from mail_outbox where recipient = ?", Long.class, recipient))
                    .isZero();
        });
    }

    private static int terminateAllApplicationConnections() throws Exception {
        try (var admin = adminConnection();
                var statement = admin.prepareStatement("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where datname = ? and pid <> pg_backend_pid()")) {
            statement.setString(1, PostgresTestDatabase.NAME);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static void terminate(int pid) {
        try (var admin = adminConnection();
                var statement = admin.prepareStatement("select pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            statement.execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.sql.Connection adminConnection() throws java.sql.SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/postgres",
                PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
    }
}
