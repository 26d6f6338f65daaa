package org.opensourceecology.incubator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 server of the test's own, for tests that stop or restart the server: the machine's
 * server on 127.0.0.1:5432 serves other test runs at the same time and must never be restarted.
 * {@code initdb} into a temporary directory, a free port on 127.0.0.1, its Unix socket in that
 * directory, trust authentication for the user {@code postgres}. initdb refuses to run as root, so
 * when the tests run as root (as CI does) every server command runs as the OS user {@code postgres}.
 * {@link #close()} (or the end of the JVM) stops the server and deletes its directory. It runs with
 * {@code fsync=off}: it is only ever stopped cleanly (which writes everything out) or thrown away, and
 * a restart of the server, unlike one of the machine, keeps what the operating system holds.
 */
public final class PrivatePostgresServer implements AutoCloseable {

    /** Debian's PostgreSQL 15 binaries; {@code PG_BIN} points elsewhere. */
    public static final Path BIN =
            Path.of(System.getenv("PG_BIN") == null ? "/usr/lib/postgresql/15/bin" : System.getenv("PG_BIN"));

    public static final String USER = "postgres";

    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path directory;
    private final Path data;
    private final Path serverLog;
    private final Path commandLog;
    private final int port;
    private final Thread cleanupOnExit;
    private volatile boolean running;

    /** Whether initdb and pg_ctl are installed where {@link #BIN} says. */
    public static boolean installed() {
        return Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_ctl"));
    }

    /** Creates a cluster in a new temporary directory and starts it. */
    public static PrivatePostgresServer create() {
        var server = new PrivatePostgresServer();
        try {
            server.initdb();
            server.startServer();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private PrivatePostgresServer() {
        try {
            directory = Files.createTempDirectory("incubator-pg-");
            if (runningAsRoot()) {
                var lookup = directory.getFileSystem().getUserPrincipalLookupService();
                var view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
                view.setOwner(lookup.lookupPrincipalByName(USER));
                view.setGroup(lookup.lookupPrincipalByGroupName(USER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        data = directory.resolve("data");
        serverLog = directory.resolve("server.log");
        commandLog = directory.resolve("commands.log");
        port = freePort();
        cleanupOnExit = new Thread(this::stopAndDelete, "private-postgres-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public boolean running() {
        return running;
    }

    public void createDatabase(String name) {
        try (var connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** {@code pg_ctl restart -m fast}: ends every session, checkpoints, starts again on the same port. */
    public void restart() {
        pgCtl("restart", "-m", "fast");
        running = true;
    }

    /** {@code pg_ctl stop -m fast}: ends every session; connection attempts are refused until {@link #start()}. */
    public void stop() {
        pgCtl("stop", "-m", "fast");
        running = false;
    }

    public void start() {
        startServer();
    }

    /** The end of the server's log, for failure messages. */
    public String logTail() {
        try {
            var lines = Files.readAllLines(serverLog);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private void initdb() {
        run(List.of(
                BIN.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                USER,
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync"));
    }

    private void startServer() {
        pgCtl(
                "start",
                "-l",
                serverLog.toString(),
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory
                        + " -c shared_buffers=32MB -c max_connections=60 -c fsync=off");
        running = true;
    }

    private void pgCtl(String action, String... options) {
        List<String> command = new ArrayList<>(List.of(
                BIN.resolve("pg_ctl").toString(),
                action,
                "-D",
                data.toString(),
                "-w",
                "-t",
                String.valueOf(COMMAND_TIMEOUT_SECONDS / 2)));
        command.addAll(List.of(options));
        run(command);
    }

    private synchronized void stopAndDelete() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                pgCtl("stop", "-m", "immediate");
            } catch (RuntimeException e) {
                // best effort: the directory goes anyway, and a server without it cannot go on
            }
            running = false;
        }
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + directory, e);
            }
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        try {
            var process = new ProcessBuilder(full)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(commandLog.toFile()))
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", full) + "\n" + logTail());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (exit " + process.exitValue() + "): " + String.join(" ", full)
                        + "\n" + Files.readString(commandLog) + "\n" + logTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", full), e);
        }
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
