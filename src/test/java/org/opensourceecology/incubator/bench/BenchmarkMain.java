package org.opensourceecology.incubator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The benchmark driver behind {@code bench/run} (issue 10): measures, never asserts. Not a test: run it
 * through {@code bench/run [--quick]}, which builds the jar and passes its path.
 *
 * <p>Writes {@code target/bench/report.json} and {@code target/bench/report.md}. Every figure has a
 * name, value, unit, target and met; a figure this driver does not measure is reported with value
 * {@code null}, met {@code false} and a note saying so — never an invented number.
 */
public final class BenchmarkMain {

    private static final String HOST = env("BENCH_DB_HOST", "127.0.0.1");
    private static final String PORT = env("BENCH_DB_PORT", "5432");
    private static final String USER = env("BENCH_DB_USER", "postgres");
    private static final String BENCH_DB = "incubator_bench";
    private static final String PGBENCH_DB = "incubator_bench_pgbench";
    private static final String SLUG = "ceb-press";

    private final boolean quick;
    private final Path jar;
    private final Path out = Path.of("target", "bench");
    private final List<Map<String, Object>> figures = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private BenchmarkMain(boolean quick, Path jar) {
        this.quick = quick;
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path jar = Arrays.stream(args)
                .filter(a -> a.endsWith(".jar"))
                .map(Path::of)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("usage: BenchmarkMain [--quick] <app.jar>"));
        new BenchmarkMain(quick, jar).run();
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        context.put("mode", quick ? "quick" : "full");
        context.put("startedAt", Instant.now().toString());
        context.put("cpus", Runtime.getRuntime().availableProcessors());
        context.put("loadAverageAtStart", loadAverage());

        double tps = pgbench();

        recreateDatabase(BENCH_DB);
        Process app = null;
        try {
            int port = freePort();
            long start = System.nanoTime();
            app = startApp(port, false);
            double firstStart = awaitReady(app, port, start);
            if (quick) {
                figure(
                        "g. start-up to readiness UP (first start: empty database, Flyway + Camunda schema creation)",
                        firstStart,
                        "s",
                        "<= 10",
                        firstStart <= 10,
                        "--quick does not restart the application; the full run also measures a restart");
            } else {
                figure(
                        "g. first start-up to readiness UP (empty database: Flyway + Camunda schema creation)",
                        firstStart,
                        "s",
                        "reference",
                        true,
                        null);
            }

            bulkInsert();
            downloads(port);
            metricsApi(port, true);

            long rssKb = rssKb(app.pid());
            double rssMb = rssKb / 1024.0;
            figure(
                    "g. resident memory (VmRSS after the download and metrics runs)",
                    rssMb,
                    "MB",
                    "<= 600",
                    rssMb <= 600,
                    "JVM defaults unless BENCH_APP_JAVA_OPTS is set");
            stop(app);
            app = null;

            if (quick) {
                notMeasured(
                        "f. metrics computation p95 (snapshot off: every request computes)",
                        "ms",
                        "reference",
                        "not measured in --quick (needs a second start of the application)");
            } else {
                port = freePort();
                start = System.nanoTime();
                app = startApp(port, true);
                double restart = awaitReady(app, port, start);
                figure(
                        "g. start-up to readiness UP (restart on the existing database)",
                        restart,
                        "s",
                        "<= 10",
                        restart <= 10,
                        null);
                metricsApi(port, false);
            }
        } finally {
            if (app != null) {
                stop(app);
            }
        }

        notMeasured(
                "b. journey steps/s at 1k open tasks (immersion-training milestone loop, history FULL)",
                "steps/s",
                ">= 0.07 x pgbench TPS = " + round(0.07 * tps));
        notMeasured("b. journey steps/s at 100k open tasks", "steps/s", "100k/1k >= 0.8");
        notMeasured("b. plain Camunda engine, same BPMN, no-op delegates", "steps/s", "application >= 0.8 x plain");
        notMeasured(
                "c. trainee task list p95 at 100k open tasks (/me/journey)",
                "ms",
                "<= 50 and <= 0.5 x /engine-rest/task");
        notMeasured(
                "c. mentor task list p95 at 100k open tasks (/mentor/trainees)",
                "ms",
                "<= 50 and <= 0.5 x /engine-rest/task");
        notMeasured("c. Camunda REST /engine-rest/task p95 for the same queries", "ms", "reference");
        notMeasured(
                "e. 10k due reminder timers drained by the job executor",
                "jobs/s",
                ">= 0.05 x pgbench TPS = " + round(0.05 * tps));

        context.put("loadAverageAtEnd", loadAverage());
        context.put("finishedAt", Instant.now().toString());
        writeReport();
    }

    // a. ---------------------------------------------------------------------------------------------

    private double pgbench() throws Exception {
        recreateDatabase(PGBENCH_DB);
        exec("pgbench", "-h", HOST, "-p", PORT, "-U", USER, "-i", "-q", "-s", "1", PGBENCH_DB);
        int seconds = quick ? 5 : 10;
        String output = exec(
                "pgbench",
                "-h",
                HOST,
                "-p",
                PORT,
                "-U",
                USER,
                "-N",
                "-c",
                "4",
                "-j",
                "2",
                "-T",
                String.valueOf(seconds),
                PGBENCH_DB);
        var m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)")
                .matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no TPS in pgbench output:\n" + output);
        }
        double tps = Double.parseDouble(m.group(1));
        figure(
                "a. pgbench -N TPS (-c 4 -j 2 -T " + seconds + ", scale 1): the physical limit of one commit per step",
                tps,
                "tps",
                "reference",
                true,
                null);
        dropDatabase(PGBENCH_DB);
        return tps;
    }

    // g. start-up ------------------------------------------------------------------------------------

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
    }

    /** @param computeEveryRequest whether to switch the metrics snapshot off (cache-ttl 1 ms) */
    private Process startApp(int port, boolean computeEveryRequest) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv("BENCH_APP_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(Arrays.asList(opts.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--incubator.rate-limit.enabled=false",
                "--logging.level.root=WARN"));
        if (computeEveryRequest) {
            command.add("--incubator.metrics.cache-ttl=PT0.001S");
            command.add("--incubator.metrics.refresh-interval=PT1H");
        }
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("app.log").toFile());
        builder.environment().put("DB_URL", jdbcUrl(BENCH_DB));
        builder.environment().put("DB_USER", USER);
        builder.environment().put("DB_PASSWORD", env("BENCH_DB_PASSWORD", ""));
        builder.directory(out.toFile());
        return builder.start();
    }

    private double awaitReady(Process app, int port, long startNanos) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base(port) + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = startNanos + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("application exited, see target/bench/app.log");
            }
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return (System.nanoTime() - startNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("application not ready after 300 s, see target/bench/app.log");
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    // f. data ----------------------------------------------------------------------------------------

    private void bulkInsert() throws SQLException {
        int downloads = quick ? 100_000 : 1_000_000;
        int enterprises = quick ? 1_000 : 10_000;
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl(BENCH_DB), USER, env("BENCH_DB_PASSWORD", ""));
                var s = c.createStatement()) {
            s.execute("insert into manual_download (specification_slug, downloaded_at, intent, city, country)"
                    + " select case when g % 2 = 0 then 'ceb-press' else 'd3d-universal' end,"
                    + " now() - (g % 1000) * interval '1 day', 'learn', 'Town ' || (g % 500), 'Country ' || (g % 50)"
                    + " from generate_series(1, " + downloads + ") g");
            s.execute("insert into replicated_enterprise (name, enterprise_slug, owner_id, city, country, latitude,"
                    + " longitude, consent_map, consent_map_at, status, registered_at, status_changed_at)"
                    + " select 'Bench enterprise ' || g, case when g % 2 = 0 then 'ceb-press' else 'd3d-universal' end,"
                    + " 'benchowner' || g, 'Town ' || (g % 500), 'Country ' || (g % 50), (g % 180) - 90, (g % 360) - 180,"
                    + " g % 3 = 0, case when g % 3 = 0 then now() end, 'ACTIVE', now() - (g % 1000) * interval '1 day',"
                    + " now() - (g % 1000) * interval '1 day' from generate_series(1, " + enterprises + ") g");
            s.execute("analyze manual_download");
            s.execute("analyze replicated_enterprise");
        }
        context.put(
                "bulkInsert",
                Map.of(
                        "downloads", downloads,
                        "replicatedEnterprises", enterprises,
                        "seconds", round((System.nanoTime() - start) / 1e9)));
    }

    // d. downloads -----------------------------------------------------------------------------------

    private void downloads(int port) throws Exception {
        downloads(port, 16, Duration.ofSeconds(quick ? 2 : 10), Duration.ofSeconds(quick ? 6 : 30));
        // one client: the service time of one download without queueing, to read the 16-client figures by
        downloads(port, 1, Duration.ofSeconds(1), Duration.ofSeconds(quick ? 3 : 10));
    }

    private void downloads(int port, int clients, Duration warmUp, Duration measure) throws Exception {
        var uri = URI.create(base(port) + "/enterprises/" + SLUG + "/downloads");
        var sessions = new ArrayList<String[]>();
        for (int i = 0; i < clients; i++) {
            sessions.add(session(port));
        }
        var latencies = new long[clients][];
        var counts = new int[clients];
        var failures = new AtomicLong();
        var ready = new CountDownLatch(clients);
        var threads = new ArrayList<Thread>();
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            int client = i;
            var thread = new Thread(() -> {
                String[] session = sessions.get(client);
                var request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", session[0])
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + session[1] + "&intent=learn&city=Bench&country=Benchland"))
                        .build();
                var mine = new long[1 << 20];
                int n = 0;
                ready.countDown();
                try {
                    ready.await();
                    while (System.nanoTime() < window[0]) {
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                    }
                    long end = window[1];
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        long t1 = System.nanoTime();
                        if (response.statusCode() == 303 && n < mine.length) {
                            mine[n++] = t1 - t0;
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                latencies[client] = Arrays.copyOf(mine, n);
                counts[client] = n;
            });
            threads.add(thread);
        }
        window[0] = System.nanoTime() + warmUp.toNanos();
        window[1] = window[0] + measure.toNanos();
        for (var t : threads) {
            t.start();
        }
        for (var t : threads) {
            t.join();
        }
        long total = Arrays.stream(counts).sum();
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double perSecond = total / (measure.toNanos() / 1e9);
        double p99 = percentileMs(all, 0.99);
        String note = clients + " client(s), each with its own session and CSRF token, " + warmUp.toSeconds()
                + " s warm-up, " + measure.toSeconds() + " s measured, " + total + " downloads recorded (303), "
                + failures.get() + " other answers/errors; rate limit off";
        String at = " at " + clients + (clients == 1 ? " client" : " clients");
        boolean target = clients == 16;
        figure(
                "d. POST /enterprises/{slug}/downloads throughput" + at,
                perSecond,
                "downloads/s",
                target ? ">= 1000" : "reference",
                target ? perSecond >= 1000 && failures.get() == 0 : true,
                note);
        figure(
                "d. POST /enterprises/{slug}/downloads p99" + at,
                p99,
                "ms",
                target ? "<= 50" : "reference",
                target ? p99 <= 50 : true,
                null);
        figure(
                "d. POST /enterprises/{slug}/downloads p50" + at,
                percentileMs(all, 0.50),
                "ms",
                "reference",
                true,
                null);
    }

    /** A session cookie and its CSRF token, as a browser gets them from the enterprise page. */
    private String[] session(int port) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(base(port) + "/enterprises/" + SLUG))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("enterprise page answered " + response.statusCode());
        }
        var token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the enterprise page");
        }
        var cookies = new ArrayList<String>();
        for (String setCookie : response.headers().allValues("set-cookie")) {
            cookies.add(setCookie.split(";", 2)[0]);
        }
        return new String[] {String.join("; ", cookies), token.group(1)};
    }

    // f. metrics -------------------------------------------------------------------------------------

    /**
     * @param asDeployed true: default settings, the snapshot refreshed in the background (what a client
     *     sees); false: the application was started with the snapshot off, so every request computes all
     *     figures (the cost of one refresh)
     */
    private void metricsApi(int port, boolean asDeployed) throws Exception {
        int warm = quick ? 5 : 20;
        // as deployed: pace the requests over more than one background refresh (every 5 s)
        int n = asDeployed ? (quick ? 120 : 600) : (quick ? 30 : 50);
        long pauseMillis = asDeployed ? 50 : 0;
        var request = HttpRequest.newBuilder(URI.create(base(port) + "/api/metrics"))
                .timeout(Duration.ofSeconds(30))
                .build();
        var samples = new long[n];
        for (int i = 0; i < warm + n; i++) {
            long t0 = System.nanoTime();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/api/metrics answered " + response.statusCode());
            }
            if (i >= warm) {
                samples[i - warm] = t1 - t0;
            }
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        Arrays.sort(samples);
        @SuppressWarnings("unchecked")
        var bulk = (Map<String, Object>) context.get("bulkInsert");
        String over = " over " + bulk.get("downloads") + " downloads and " + bulk.get("replicatedEnterprises")
                + " replicated enterprises";
        double p95 = percentileMs(samples, 0.95);
        if (asDeployed) {
            figure(
                    "f. GET /api/metrics p95" + over + " (as deployed)",
                    p95,
                    "ms",
                    "<= 100",
                    p95 <= 100,
                    n + " sequential requests, one every ~50 ms, after " + warm + " warm-up; default settings:"
                            + " a snapshot recomputed in the background every 5 s");
        } else {
            figure(
                    "f. metrics computation p95" + over + " (snapshot off: every request computes)",
                    p95,
                    "ms",
                    "reference (what each background refresh costs)",
                    true,
                    n + " sequential requests after " + warm + " warm-up, incubator.metrics.cache-ttl=PT0.001S");
        }
    }

    // report -----------------------------------------------------------------------------------------

    private void figure(String name, double value, String unit, String target, boolean met, String note) {
        var figure = new LinkedHashMap<String, Object>();
        figure.put("name", name);
        figure.put("value", round(value));
        figure.put("unit", unit);
        figure.put("target", target);
        figure.put("met", met);
        if (note != null) {
            figure.put("note", note);
        }
        figures.add(figure);
        System.out.printf("%-100s %12.2f %s%n", name, value, unit);
    }

    private void notMeasured(String name, String unit, String target) {
        notMeasured(name, unit, target, "not measured: this harness does not drive it yet");
    }

    private void notMeasured(String name, String unit, String target, String note) {
        var figure = new LinkedHashMap<String, Object>();
        figure.put("name", name);
        figure.put("value", null);
        figure.put("unit", unit);
        figure.put("target", target);
        figure.put("met", false);
        figure.put("note", note);
        figures.add(figure);
    }

    private void writeReport() throws IOException {
        var report = new LinkedHashMap<String, Object>();
        report.put("context", context);
        report.put("figures", figures);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("report.json").toFile(), report);
        var md = new StringBuilder("# Benchmark report (" + context.get("mode") + ")\n\n");
        md.append("Started ")
                .append(context.get("startedAt"))
                .append(" on ")
                .append(context.get("cpus"))
                .append(" CPUs; load average at start ")
                .append(context.get("loadAverageAtStart"))
                .append(", at end ")
                .append(context.get("loadAverageAtEnd"))
                .append(". ")
                .append(
                        loaded()
                                ? "**Measured on a loaded machine** (load average above the CPU count): the numbers"
                                        + " are low; compare runs at similar load.\n\n"
                                : "The machine was not loaded beyond its CPU count.\n\n");
        md.append("| figure | value | unit | target | met | note |\n|---|---:|---|---|---|---|\n");
        for (var f : figures) {
            md.append("| ")
                    .append(f.get("name"))
                    .append(" | ")
                    .append(f.get("value") == null ? "—" : f.get("value"))
                    .append(" | ")
                    .append(f.get("unit"))
                    .append(" | ")
                    .append(f.get("target"))
                    .append(" | ")
                    .append(Boolean.TRUE.equals(f.get("met")) ? "met" : "**not met**")
                    .append(" | ")
                    .append(f.getOrDefault("note", ""))
                    .append(" |\n");
        }
        Files.writeString(out.resolve("report.md"), md.toString());
        System.out.println("wrote " + out.resolve("report.json") + " and " + out.resolve("report.md"));
    }

    // helpers ----------------------------------------------------------------------------------------

    private static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Whether the 1-minute load average at start or end exceeded the CPU count. */
    private boolean loaded() {
        int cpus = Runtime.getRuntime().availableProcessors();
        for (String key : List.of("loadAverageAtStart", "loadAverageAtEnd")) {
            String value = String.valueOf(context.get(key));
            try {
                if (Double.parseDouble(value.split(" ")[0]) > cpus) {
                    return true;
                }
            } catch (NumberFormatException unknown) {
                return true;
            }
        }
        return false;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void recreateDatabase(String name) throws SQLException {
        dropDatabase(name);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, env("BENCH_DB_PASSWORD", ""));
                var s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    private static void dropDatabase(String name) throws SQLException {
        if (!name.startsWith("incubator_bench")) {
            throw new IllegalArgumentException("the benchmark only drops its own databases: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, env("BENCH_DB_PASSWORD", ""));
                var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static String exec(String... command) throws Exception {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        String password = System.getenv("BENCH_DB_PASSWORD");
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
