package org.opensourceecology.incubator.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points integration tests at a fresh database on the real PostgreSQL server: 127.0.0.1:5432, user
 * postgres, database incubator_test_&lt;checkout&gt;, unless TEST_DB_HOST, TEST_DB_PORT, TEST_DB_USER,
 * TEST_DB_PASSWORD or TEST_DB_NAME say otherwise. The database is dropped and created once per test run; every Spring context of the run
 * shares it, as the nodes of a cluster share theirs.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicBoolean CREATED = new AtomicBoolean();

    public static final String HOST = env("TEST_DB_HOST", "127.0.0.1");
    public static final String PORT = env("TEST_DB_PORT", "5432");
    public static final String USER = env("TEST_DB_USER", "postgres");
    public static final String PASSWORD = env("TEST_DB_PASSWORD", "");
    /**
     * One database per checkout, so that test runs in two working copies on the same server (two
     * developers, or CI beside a developer) never drop each other's database.
     */
    public static final String NAME = env("TEST_DB_NAME", "incubator_test_" + checkoutId());

    public static String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        recreateOnce();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "postgres-test-database",
                        Map.of(
                                "spring.datasource.url", url(),
                                "spring.datasource.username", USER,
                                "spring.datasource.password", PASSWORD)));
    }

    public static void recreateOnce() {
        if (!CREATED.compareAndSet(false, true)) {
            return;
        }
        String admin = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (var connection = DriverManager.getConnection(admin, USER, PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + NAME + " with (force)");
            statement.execute("create database " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Integration tests need PostgreSQL at " + HOST + ":" + PORT + " (user " + USER + "): "
                            + e.getMessage(),
                    e);
        }
    }

    private static String checkoutId() {
        String dir = java.nio.file.Path.of("").toAbsolutePath().normalize().toString();
        return Integer.toHexString(dir.hashCode() & 0x7fffffff);
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
