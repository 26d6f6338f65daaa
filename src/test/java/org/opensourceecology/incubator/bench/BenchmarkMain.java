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
import java.util.Properties;
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
    static final String USER = env("BENCH_DB_USER", "postgres");
    private static final String BENCH_DB = "incubator_bench";
    private static final String PGBENCH_DB = "incubator_bench_pgbench";
    private static final String SLUG = "ceb-press";
    private static final String PEER_DB = "incubator_bench_peer";
    /** The demo user whose password every bench user of the application shares (postgres profile). */
    private static final String APP_PASSWORD_OF = "trainee";

    private static final String APP_PASSWORD = "trainee";

    private final boolean quick;
    /** Harness development and profiling: {@code --only=d} runs a, g and the listed parts (d, f, b/c/e). */
    private final String only;

    private final Path jar;
    private final Path out = Path.of("target", "bench");
    private final List<Map<String, Object>> figures = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private BenchmarkMain(boolean quick, String only, Path jar) {
        this.quick = quick;
        this.only = only;
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path jar = Arrays.stream(args)
                .filter(a -> a.endsWith(".jar"))
                .map(Path::of)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("usage: BenchmarkMain [--quick] <app.jar>"));
        String only = Arrays.stream(args)
                .filter(a -> a.startsWith("--only="))
                .map(a -> a.substring("--only=".length()))
                .findFirst()
                .orElse("bcdef");
        new BenchmarkMain(quick, only, jar).run();
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
            appPid = app.pid();
            double firstStart = awaitReady(app, port, start);
            if (quick) {
                figure(
                        "g. start-up to readiness UP (first start: empty database, Flyway + Camunda schema creation)",
                        firstStart,
                        "s",
                        "<= 10",
                        firstStart <= 10,
                        "--quick does not restart the application; the full run also measures a restart; "
                                + appJavaOptions());
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
            if (only.contains("d")) {
                progress("downloads");
                downloads(port);
            }
            if (only.contains("f")) {
                progress("metrics");
                metricsApi(port, true);
            }
            if (only.contains("b")) {
                journeys(port, tps);
            }

            diagnostics(app.pid());
            long rssKb = rssKb(app.pid());
            double rssMb = rssKb / 1024.0;
            figure(
                    "g. resident memory (VmRSS after all of the load: downloads, metrics, journeys, task lists, timers)",
                    rssMb,
                    "MB",
                    "<= 600",
                    rssMb <= 600,
                    appJavaOptions());
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
                appPid = app.pid();
                double restart = awaitReady(app, port, start);
                figure(
                        "g. start-up to readiness UP (restart on the existing database)",
                        restart,
                        "s",
                        "<= 10",
                        restart <= 10,
                        null);
                if (only.contains("f")) {
                    metricsApi(port, false);
                }
            }
        } finally {
            if (app != null) {
                stop(app);
            }
        }

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

    private final long born = System.nanoTime();
    private long appPid;

    /** CPU seconds the application's process has used so far (user + system), a load-independent cost. */
    private double appCpuSeconds() {
        return cpuSeconds(appPid);
    }

    /** The CPU of a process and of its request threads, as a measurement of journey steps reads it. */
    private static Journeys.Cpu cpuOf(long pid) {
        return new Journeys.Cpu(() -> cpuSeconds(pid), () -> requestCpuSeconds(pid));
    }

    /** CPU seconds a process has used so far (user + system). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 1/100 s
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds a Spring Boot process's Tomcat request threads (http-nio-…-exec-…) have used so far: the
     * work of the requests themselves, without the JIT compiler, the garbage collector or background jobs.
     */
    private static double requestCpuSeconds(long pid) {
        return threadCpuSeconds(pid, "http-nio-");
    }

    /** CPU seconds a JVM's JIT compiler threads (C1 and C2 CompilerThread…) have used so far. */
    static double compilerCpuSeconds(long pid) {
        return threadCpuSeconds(pid, "C1 CompilerThre", "C2 CompilerThre");
    }

    /** CPU seconds the threads of a process whose names start with one of these have used so far. */
    private static double threadCpuSeconds(long pid, String... names) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (Arrays.stream(names).anyMatch(name::startsWith)) {
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / 100.0;
    }

    /**
     * Sorted latencies of the measured requests, and the CPU they cost the application: its whole process
     * (background threads included) and its request threads alone (the requests' own work).
     */
    private record Timed(long[] samples, double cpuMsPerRequest, double requestThreadCpuMsPerRequest) {}

    /**
     * {@code warm} requests first, then {@code n} measured ones; the CPU is read around the measured ones
     * only (it had counted the warm-up's, whose JIT compilation made it several times a page's own cost).
     */
    private Timed timed(int warm, int n, Clients.Work<Integer> request) throws Exception {
        Clients.sample(warm, 0, request);
        double cpu0 = appCpuSeconds();
        double request0 = requestCpuSeconds(appPid);
        long[] samples = Clients.sample(0, n, request);
        return new Timed(
                samples, (appCpuSeconds() - cpu0) * 1000 / n, (requestCpuSeconds(appPid) - request0) * 1000 / n);
    }

    private final Map<String, Object> settling = new LinkedHashMap<>();

    /**
     * How long the application keeps refreshing the metrics in the background after the last request that
     * read them ({@code incubator.metrics.idle-after}, PT2M by default), with a refresh interval to spare.
     */
    private static final long METRICS_REFRESH_AFTER_READ = TimeUnit.SECONDS.toNanos(125);

    /** When the driver last read the metrics: the metrics API (f), or a login, which lands on the home page. */
    private long metricsReadAt = Long.MIN_VALUE;

    private void metricsRead() {
        metricsReadAt = System.nanoTime();
    }

    /**
     * Waits until the work the seeding left the application is done (the mail it queued sent, the jobs
     * due run), so that a measurement sees only its own work, the mail and jobs of the measured steps
     * included; and until the application has stopped refreshing the metrics in the background, which it
     * does for two minutes after someone read them (a refresh at 1M downloads is 0.4 s of database time
     * every 5 s). At most two minutes for the work; how long it took goes into the report's context.
     * Then the database is analyzed ({@link #analyze}).
     */
    private void settle(Connection db, String before) throws Exception {
        long t0 = System.nanoTime();
        // --quick is a smoke run: its figures only show that everything answers, not worth two minutes
        long metricsWait =
                quick || metricsReadAt == Long.MIN_VALUE ? 0 : metricsReadAt + METRICS_REFRESH_AFTER_READ - t0;
        if (metricsWait > 0) {
            TimeUnit.NANOSECONDS.sleep(metricsWait);
        }
        long left = awaitIdle(db, APP_BACKLOG);
        analyze(db);
        settling.put(
                before,
                round((System.nanoTime() - t0) / 1e9) + " s"
                        + (metricsWait > 0
                                ? " (" + round(metricsWait / 1e9) + " s until the metrics refresh paused)"
                                : "")
                        + (left > 0 ? ", " + left + " left" : ""));
        context.put("settledBefore", settling);
    }

    /**
     * Jobs due that the engine's job executor has yet to run, but for Camunda's history cleanup: in the
     * application's batch window (01:00-05:00) that job is due again and again, each time after a longer
     * pause while it finds nothing to remove, and an idle job executor runs it only at its next poll:
     * waiting for it made the waits longer (a --quick run at 03:30 UTC spent 16 of its 140 s on it, the job
     * due all the while) without keeping any of the seeding's or the steps' work out of a measurement.
     */
    private static final String ENGINE_BACKLOG = "select count(*) from act_ru_job where retries_ > 0"
            + " and suspension_state_ = 1 and (duedate_ is null or duedate_ <= now())"
            + " and handler_type_ <> 'history-cleanup'";

    /** Those and the application's mail to send. */
    private static final String APP_BACKLOG = "select (" + ENGINE_BACKLOG + ") + (select count(*) from mail_outbox"
            + " where status = 'SENDING' or (status = 'PENDING' and next_attempt_at <= now()))";

    /**
     * Waits, at most two minutes, until this count of work left to do is 0. @return what was left (0 when
     * done)
     */
    private static long awaitIdle(Connection db, String backlog) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long left;
        do {
            try (var s = db.createStatement();
                    var rs = s.executeQuery(backlog)) {
                rs.next();
                left = rs.getLong(1);
            }
            if (left > 0) {
                Thread.sleep(200);
            }
        } while (left > 0 && System.nanoTime() < deadline);
        return left;
    }

    /**
     * Statistics for every table, as autovacuum keeps them on a server where it runs: a table the
     * measured work reads must not be planned from none. Where autovacuum is off (as on the machines
     * this was written on) only what the benchmark analyzes has statistics, and the journeys seeded
     * through the API wrote Camunda's variables unanalyzed: the planner guessed 7 rows for
     * {@code task_id_ is null} among 35k and combined two indexes, three times per step (Camunda's
     * variable fetch by execution, 0.9 ms instead of 0.03 ms: half of the database time of a step).
     */
    static void analyze(Connection db) throws SQLException {
        try (var s = db.createStatement()) {
            s.execute("analyze");
        }
    }

    private void progress(String what) {
        System.out.printf("[%6.1f s %s] %s%n", (System.nanoTime() - born) / 1e9, Instant.now(), what);
    }

    /**
     * With BENCH_APP_DIAGNOSTICS set: the application's heap, its native memory (when started with
     * -XX:NativeMemoryTracking) and its memory map totals, into target/bench/diagnostics.txt.
     */
    private void diagnostics(long pid) throws Exception {
        if (System.getenv("BENCH_APP_DIAGNOSTICS") == null) {
            return;
        }
        var text = new StringBuilder();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (String command : List.of("GC.heap_info", "VM.native_memory summary", "GC.run", "GC.heap_info")) {
            var args = new ArrayList<>(List.of(jcmd, String.valueOf(pid)));
            args.addAll(Arrays.asList(command.split(" ")));
            var process = new ProcessBuilder(args).redirectErrorStream(true).start();
            text.append("== ")
                    .append(command)
                    .append('\n')
                    .append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            process.waitFor();
        }
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("Vm") || line.startsWith("Rss")) {
                text.append(line).append('\n');
            }
        }
        Files.writeString(out.resolve("diagnostics.txt"), text);
    }

    /**
     * The application's JVM options, as in production: docker/jvm.options (BENCH_JVM_OPTIONS: another
     * file, or none), the class data sharing archive bench/run made next to the jar (BENCH_CDS=off: none),
     * then BENCH_APP_JAVA_OPTS.
     */
    private List<String> appJvmOptions() {
        var options = new ArrayList<>(jvmOptionsFile());
        Path archive = jar.toAbsolutePath().resolveSibling("app.jsa");
        if (!"off".equals(System.getenv("BENCH_CDS")) && Files.exists(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        String extra = System.getenv("BENCH_APP_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        return options;
    }

    /** The options file the application and the plain Camunda peer both run with (BENCH_JVM_OPTIONS). */
    private static List<String> jvmOptionsFile() {
        String file = env("BENCH_JVM_OPTIONS", "docker/jvm.options");
        return file.equals("none") ? List.of() : List.of("@" + Path.of(file).toAbsolutePath());
    }

    private String appJavaOptions() throws IOException {
        var note = new StringBuilder("JVM options:");
        for (String option : appJvmOptions()) {
            if (option.startsWith("@")) {
                for (String line : Files.readAllLines(Path.of(option.substring(1)))) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        note.append(' ').append(line.trim());
                    }
                }
            } else {
                note.append(' ').append(option.replace(jar.toAbsolutePath().getParent() + "/", ""));
            }
        }
        return note.toString();
    }

    /** @param computeEveryRequest whether to switch the metrics snapshot off (cache-ttl 1 ms) */
    private Process startApp(int port, boolean computeEveryRequest) throws IOException {
        var command = new ArrayList<>(appJvmOptions());
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
        var builder = jvm(command, "app.log");
        builder.environment().put("DB_URL", jdbcUrl(BENCH_DB));
        builder.environment().put("DB_USER", USER);
        builder.environment().put("DB_PASSWORD", env("BENCH_DB_PASSWORD", ""));
        builder.directory(out.toFile());
        return builder.start();
    }

    /**
     * A JVM of this driver's Java with these options and arguments, its output in target/bench/{@code log},
     * with as few glibc malloc arenas as docker/Dockerfile gives the application (the default is 8 per CPU).
     */
    private ProcessBuilder jvm(List<String> arguments, String log) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve(log).toFile());
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder;
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
            // vacuumed as well as analyzed: otherwise autovacuum visits the million new rows some time
            // later, as it may, during whatever the benchmark measures then (the downloads, d, had varied
            // between 719 and 1,283 a second from run to run)
            s.execute("vacuum (analyze) manual_download");
            s.execute("vacuum (analyze) replicated_enterprise");
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
        downloads(port, 16, Duration.ofSeconds(quick ? 2 : 10), Duration.ofSeconds(quick ? 4 : 30));
        // one client: the service time of one download without queueing, to read the 16-client figures by
        downloads(port, 1, Duration.ofSeconds(1), Duration.ofSeconds(quick ? 2 : 10));
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
        // the application's CPU during the measured window, per recorded download
        TimeUnit.NANOSECONDS.sleep(Math.max(0, window[0] - System.nanoTime()));
        double cpu0 = appCpuSeconds();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, window[1] - System.nanoTime()));
        double cpu1 = appCpuSeconds();
        for (var t : threads) {
            t.join();
        }
        long total = Arrays.stream(counts).sum();
        double cpuMs = (cpu1 - cpu0) * 1000 / Math.max(1, total);
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double perSecond = total / (measure.toNanos() / 1e9);
        double p99 = percentileMs(all, 0.99);
        String note = clients + " client(s), each with its own session and CSRF token, " + warmUp.toSeconds()
                + " s warm-up, " + measure.toSeconds() + " s measured, " + total + " downloads recorded (303), "
                + failures.get() + " other answers/errors; rate limit off; application CPU " + round(cpuMs)
                + " ms per download";
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
        String last = "";
        for (int i = 0; i < warm + n; i++) {
            long t0 = System.nanoTime();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/api/metrics answered " + response.statusCode());
            }
            last = response.body();
            if (i >= warm) {
                samples[i - warm] = t1 - t0;
            }
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        metricsRead();
        Arrays.sort(samples);
        @SuppressWarnings("unchecked")
        var bulk = (Map<String, Object>) context.get("bulkInsert");
        // the figures are over the bulk-inserted downloads only if the application counted them
        var counted = Pattern.compile("\"downloads\"\\s*:\\s*(\\d+)").matcher(last);
        if (!counted.find() || Long.parseLong(counted.group(1)) < ((Number) bulk.get("downloads")).longValue()) {
            throw new IllegalStateException("/api/metrics does not count the " + bulk.get("downloads")
                    + " bulk-inserted downloads: " + last.substring(0, Math.min(200, last.length())));
        }
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

    // b, c, e. journeys, task lists, timers -------------------------------------------------------------

    /** Sizes of the journey part: full run / --quick. */
    private record Sizes(
            int drivable,
            int reviews,
            int mentors,
            int small,
            int large,
            int timers,
            int samples,
            int threads,
            int warmUpReturns,
            int moreWarmUpRounds,
            int measuredReturns) {}

    private Sizes sizes() {
        return quick
                ? new Sizes(32, 5, 6, 1_000, 5_000, 1_000, 20, 4, 4, 0, 1)
                : new Sizes(500, 20, 25, 1_000, 100_000, 10_000, 200, 4, 8, 8, 4);
    }

    private void journeys(int port, double tps) throws Exception {
        var size = sizes();
        String base = base(port);
        var peer = new PeerRun(size);
        var peerThread = new Thread(peer, "plain-camunda");
        try (Connection db = DriverManager.getConnection(jdbcUrl(BENCH_DB), USER, env("BENCH_DB_PASSWORD", ""))) {
            var journeys = new Journeys(base, db, APP_PASSWORD);
            int a = size.drivable();
            int b = size.drivable();
            Journeys.createUsers(db, APP_PASSWORD_OF, a + b + size.reviews(), size.mentors());
            peerThread.start();

            progress("seeding " + (a + b + size.reviews()) + " real journeys through /engine-rest");
            long t0 = System.nanoTime();
            var rootsA = journeys.apply(1, a, SLUG, size.threads());
            var rootsB = journeys.apply(a + 1, a + b, SLUG, size.threads());
            journeys.apply(a + b + 1, a + b + size.reviews(), SLUG, size.threads());
            var drivable = new ArrayList<>(rootsA);
            drivable.addAll(rootsB);
            journeys.accept(drivable, size.mentors(), size.threads());
            double realSeconds = (System.nanoTime() - t0) / 1e9;

            var cloner = new InstanceCloner(db);
            progress("copying journeys up to " + size.small() + " open tasks");
            t0 = System.nanoTime();
            int group = cloner.copy((int) Math.max(0, size.small() - Journeys.openTasks(db)), 1);
            Journeys.createCloneUsers(db, APP_PASSWORD_OF);
            double smallCloneSeconds = (System.nanoTime() - t0) / 1e9;
            long smallTasks = Journeys.openTasks(db);

            progress("waiting for the plain Camunda engine");
            peerThread.join();
            if (peer.failure != null) {
                throw new IllegalStateException("plain Camunda engine failed", peer.failure);
            }
            settle(db, "steps at " + smallTasks);
            progress("journey steps at " + smallTasks + " open tasks, alternating with the plain Camunda engine");

            // the JIT's turn first: 1 + 2 x warmUpReturns (or more) steps each of half of the other journeys, none
            // measured
            var warmRoots = rootsB.subList(0, b / 2);
            var largeRoots = rootsB.subList(b / 2, b);
            var warmUp = journeys.warmUp(
                    warmRoots,
                    size.threads(),
                    size.warmUpReturns(),
                    size.moreWarmUpRounds(),
                    () -> compilerCpuSeconds(appPid));
            var plain = peer.warmUpForSteps();
            settle(db, "steps at " + smallTasks + ", after the warm-ups");
            Journeys.Wait appQuiet = () -> awaitIdle(db, APP_BACKLOG);
            var small = journeys.steps(rootsA, size.threads(), a / 4, cpuOf(appPid), appQuiet);
            // round by round, each engine first in every other, the other one idle meanwhile
            for (int round = 0; round <= size.measuredReturns(); round++) {
                if (round % 2 == 0) {
                    small.round();
                    plain.round();
                } else {
                    plain.round();
                    small.round();
                }
            }
            peer.close();
            progress("copying journeys up to " + size.large() + " open tasks");
            t0 = System.nanoTime();
            cloner.copy((int) Math.max(0, size.large() - Journeys.openTasks(db)), group);
            int cloneUsers = Journeys.createCloneUsers(db, APP_PASSWORD_OF);
            double largeCloneSeconds = (System.nanoTime() - t0) / 1e9;
            long largeTasks = Journeys.openTasks(db);

            var seeding = new LinkedHashMap<String, Object>();
            seeding.put("realJourneys", a + b + size.reviews());
            seeding.put("realJourneysSeconds", round(realSeconds));
            seeding.put("copiedToOpenTasks", List.of(smallTasks, largeTasks));
            seeding.put("copySeconds", List.of(round(smallCloneSeconds), round(largeCloneSeconds)));
            seeding.put("usersForCopies", cloneUsers);
            context.put("journeySeeding", seeding);

            settle(db, "task lists at " + largeTasks);
            progress("task lists at " + largeTasks + " open tasks");
            taskLists(base, db, Journeys.trainee(a + 1), Journeys.mentor(1), largeTasks, size);
            settle(db, "steps at " + largeTasks);
            progress("journey steps at " + largeTasks + " open tasks");
            var large = journeys.steps(largeRoots, size.threads(), largeRoots.size() / 4, cpuOf(appPid), appQuiet);
            for (int round = 0; round <= size.measuredReturns(); round++) {
                large.round();
            }
            stepFigures(small, smallTasks, large, largeTasks, plain, peer.openTasks, warmUp, peer.warmUp, tps, size);
            progress("timers");
            timers(base, db, journeys, rootsA, size.timers(), largeTasks, tps);
        } finally {
            peer.close();
        }
    }

    private void stepFigures(
            Journeys.Steps smallSteps,
            long smallTasks,
            Journeys.Steps largeSteps,
            long largeTasks,
            Journeys.Steps plainSteps,
            long plainTasks,
            Journeys.WarmUp warmUp,
            Journeys.WarmUp plainWarmUp,
            double tps,
            Sizes size) {
        var small = smallSteps.run();
        var large = largeSteps.run();
        var plain = plainSteps.run();
        double target = 0.07 * tps;
        String how = size.threads() + " clients, POST /engine-rest/task/{id}/submit-form (HTTP Basic) as the trainee:"
                + " complete the milestone, the engine records the submission and creates the mentor's sign-off task"
                + " with its two reminder timers; then " + size.measuredReturns() + " times as the mentor: return"
                + " it (the trainee's task is created again), and as the trainee: complete it again; after the JIT's warm-up on "
                + (size.drivable() / 2)
                + " other journeys (each trainee completes, then " + size.warmUpReturns()
                + " times the mentor returns and the trainee completes again, then such rounds until the JIT's"
                + " compiler threads used less than " + Math.round(Journeys.QUIET_JIT * 100)
                + "% of a CPU in one, at most "
                + size.moreWarmUpRounds() + " more: " + warmUp + ", " + warmUp.steps(size.drivable() / 2)
                + " steps), the first quarter of the first completions warm up and are not counted; ";
        figure(
                "b. journey steps/s at " + smallTasks + " open tasks (application, history FULL)",
                small.perSecond(),
                "steps/s",
                ">= 0.07 x pgbench TPS = " + round(target),
                small.perSecond() >= target && small.failures() == 0,
                how + small.done() + " steps measured after warm-up, " + small.failures() + " failed, p50 "
                        + round(small.percentileMs(0.5)) + " ms, p95 " + round(small.percentileMs(0.95))
                        + " ms; application CPU " + round(smallSteps.cpuMsPerStep())
                        + " ms per step, of which its request threads " + round(smallSteps.requestCpuMsPerStep())
                        + " ms");
        figure(
                "b. journey steps/s at " + largeTasks + " open tasks (application, history FULL)",
                large.perSecond(),
                "steps/s",
                ">= 0.07 x pgbench TPS = " + round(target),
                large.perSecond() >= target && large.failures() == 0,
                how + large.done() + " steps measured after warm-up, " + large.failures() + " failed, p50 "
                        + round(large.percentileMs(0.5)) + " ms, p95 " + round(large.percentileMs(0.95))
                        + " ms; application CPU " + round(largeSteps.cpuMsPerStep())
                        + " ms per step, of which its request threads " + round(largeSteps.requestCpuMsPerStep())
                        + " ms");
        double ratio = large.perSecond() / small.perSecond();
        figure(
                "b. journey steps/s ratio " + largeTasks + " / " + smallTasks + " open tasks",
                ratio,
                "ratio",
                ">= 0.8",
                ratio >= 0.8,
                null);
        figure(
                "b. plain Camunda engine, same BPMN without application code, at " + plainTasks + " open tasks",
                plain.perSecond(),
                "steps/s",
                "reference",
                plain.failures() == 0,
                "Camunda's REST API and HTTP Basic filter on a plain engine (history FULL, authorization on), delegates"
                        + " replaced by ${true}, listeners removed (see PlainCamunda), in its own JVM with the"
                        + " application's JVM options; same " + size.threads()
                        + " clients, calls and warm-up, its rounds of steps alternating with the application's (each"
                        + " engine first in every other round, the other one idle meanwhile; the application's"
                        + " rounds include sending their mail) (" + plainWarmUp + ", "
                        + plainWarmUp.steps(size.drivable() / 2)
                        + " steps); " + plain.done() + " steps measured, " + plain.failures()
                        + " failed, p50 " + round(plain.percentileMs(0.5)) + " ms, p95 "
                        + round(plain.percentileMs(0.95)) + " ms; its CPU " + round(plainSteps.cpuMsPerStep())
                        + " ms per step, of which its request threads " + round(plainSteps.requestCpuMsPerStep())
                        + " ms");
        double versusPlain = small.perSecond() / plain.perSecond();
        figure(
                "b. application / plain Camunda steps/s (both at about " + smallTasks + " open tasks)",
                versusPlain,
                "ratio",
                ">= 0.8",
                versusPlain >= 0.8,
                null);
    }

    /**
     * The plain Camunda peer: its own JVM (PlainCamunda's main) with the application's JVM options,
     * started in the background while the application's journeys are seeded.
     */
    private final class PeerRun implements Runnable, AutoCloseable {

        private final Sizes size;
        private volatile Throwable failure;
        private Process process;
        private Connection db;
        private List<String> roots;
        private List<String> warmRoots;
        private Journeys.WarmUp warmUp;
        private long openTasks;
        private int port;

        PeerRun(Sizes size) {
            this.size = size;
        }

        @Override
        public void run() {
            try {
                recreateDatabase(PEER_DB);
                port = freePort();
                Path result = out.resolve("peer-ready.properties").toAbsolutePath();
                Files.deleteIfExists(result);
                var command = new ArrayList<>(jvmOptionsFile());
                command.addAll(List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        PlainCamunda.class.getName(),
                        jdbcUrl(PEER_DB),
                        String.valueOf(port),
                        String.valueOf(size.drivable()),
                        String.valueOf(size.drivable() / 2),
                        String.valueOf(size.mentors()),
                        String.valueOf(size.threads()),
                        String.valueOf(size.small()),
                        result.toString()));
                process = jvm(command, "peer.log").start();
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
                while (!Files.exists(result)) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the plain Camunda peer exited, see target/bench/peer.log");
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the plain Camunda peer not ready after 15 minutes");
                    }
                    Thread.sleep(200);
                }
                var ready = new Properties();
                try (var reader = Files.newBufferedReader(result)) {
                    ready.load(reader);
                }
                roots = List.of(ready.getProperty("roots").split(","));
                warmRoots = List.of(ready.getProperty("warmRoots").split(","));
                openTasks = Long.parseLong(ready.getProperty("openTasks"));
                db = DriverManager.getConnection(jdbcUrl(PEER_DB), USER, env("BENCH_DB_PASSWORD", ""));
                BenchmarkMain.this.context.put(
                        "plainCamunda",
                        Map.of(
                                "jvmOptions", env("BENCH_JVM_OPTIONS", "docker/jvm.options"),
                                "startSeconds", round(Double.parseDouble(ready.getProperty("startSeconds"))),
                                "realJourneys", roots.size(),
                                "realJourneysSeconds",
                                        round(Double.parseDouble(ready.getProperty("realJourneysSeconds"))),
                                "openTasks", openTasks));
            } catch (Throwable e) {
                failure = e;
            }
        }

        /**
         * The peer's warm-up (call after the application's, while the application idles), then its
         * measured steps, round by round.
         */
        Journeys.Steps warmUpForSteps() throws Exception {
            var journeys = new Journeys(base(port), db, PlainCamunda.ADMIN_PASSWORD);
            analyze(db);
            long pid = process.pid();
            warmUp = journeys.warmUp(
                    warmRoots,
                    size.threads(),
                    size.warmUpReturns(),
                    size.moreWarmUpRounds(),
                    () -> compilerCpuSeconds(pid));
            analyze(db);
            return journeys.steps(
                    roots, size.threads(), size.drivable() / 4, cpuOf(pid), () -> awaitIdle(db, ENGINE_BACKLOG));
        }

        @Override
        public void close() {
            if (process != null) {
                try {
                    stop(process);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process = null;
            }
            try {
                if (db != null) {
                    db.close();
                    db = null;
                }
                dropDatabase(PEER_DB);
            } catch (SQLException e) {
                System.err.println("could not drop " + PEER_DB + ": " + e.getMessage());
            }
        }
    }

    // c. task lists --------------------------------------------------------------------------------------

    private void taskLists(String base, Connection db, String trainee, String mentor, long openTasks, Sizes size)
            throws Exception {
        int n = size.samples();
        var filters = Journeys.filters(db);
        var traineeSession = new Clients.Session(base, trainee, APP_PASSWORD);
        var mentorSession = new Clients.Session(base, mentor, APP_PASSWORD);
        metricsRead();
        for (var session : List.of(traineeSession, mentorSession)) {
            Clients.check(session.get("/camunda/app/tasklist/default/"), 200, "Tasklist");
        }
        String traineeAuth = Clients.basic(trainee, APP_PASSWORD);
        String mentorAuth = Clients.basic(mentor, APP_PASSWORD);
        String query = "/engine-rest/task?processDefinitionKey=immersion-training&sortBy=dueDate&sortOrder=asc"
                + "&firstResult=0&maxResults=15&taskDefinitionKey=";
        String tasklistBody = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[]}";
        String at = " at " + openTasks + " open tasks";

        Clients.Work<Integer> traineeRestList = i ->
                ok(Clients.getJson(base + query + Journeys.COMPLETE_MILESTONE + "&assignee=" + trainee, traineeAuth));
        Clients.Work<Integer> mentorRestList =
                i -> ok(Clients.getJson(base + query + Journeys.SIGN_OFF + "&assignee=" + mentor, mentorAuth));
        Clients.Work<Integer> reviewRestList =
                i -> ok(Clients.getJson(base + query + Journeys.REVIEW + "&unassigned=true", mentorAuth));
        Clients.Work<Integer> traineePortalList = i -> ok(traineeSession.get("/me/journey"));
        Clients.Work<Integer> mentorPortalList = i -> ok(mentorSession.get("/mentor/trainees"));
        Clients.Work<Integer> traineeTasklistList =
                i -> ok(traineeSession.postWebapp(filterList(filters, "My milestones"), tasklistBody));
        Clients.Work<Integer> mentorTasklistList =
                i -> ok(mentorSession.postWebapp(filterList(filters, "Awaiting my sign-off"), tasklistBody));
        Clients.Work<Integer> reviewTasklistList =
                i -> ok(mentorSession.postWebapp(filterList(filters, "Applications to review"), tasklistBody));

        // The lists' JIT warm-up, as b's: after 400 requests of /me/journey the C2 compiler thread still took
        // more CPU than the page itself over the next 200 (2.3 s against 1.7 s), and a quarter of a CPU after
        // 2,000 more, on the two CPUs that the pages, PostgreSQL and the client share; the full run measures
        // a node that has served for a while. --quick only checks that every list answers.
        String warmUp = warmUpLists(
                List.of(
                        traineeRestList,
                        mentorRestList,
                        reviewRestList,
                        traineePortalList,
                        mentorPortalList,
                        traineeTasklistList,
                        mentorTasklistList,
                        reviewTasklistList),
                quick ? 5 : 300,
                quick ? 0 : 8);
        context.put("taskListWarmUp", warmUp);
        int warm = quick ? 0 : 20;
        Timed traineeRest = timed(warm, n, traineeRestList);
        Timed mentorRest = timed(warm, n, mentorRestList);
        Timed reviewRest = timed(warm, n, reviewRestList);
        Timed traineePortal = timed(warm, n, traineePortalList);
        Timed mentorPortal = timed(warm, n, mentorPortalList);
        Timed traineeTasklist = timed(warm, n, traineeTasklistList);
        Timed mentorTasklist = timed(warm, n, mentorTasklistList);
        Timed reviewTasklist = timed(warm, n, reviewTasklistList);

        String sampled = n + " sequential requests after the warm-up (" + warmUp + ") and " + warm + " more";
        double traineeRest95 = Clients.Stats.percentileMs(traineeRest.samples(), 0.95);
        double mentorRest95 = Clients.Stats.percentileMs(mentorRest.samples(), 0.95);
        double reviewRest95 = Clients.Stats.percentileMs(reviewRest.samples(), 0.95);
        latency("c. trainee task list p95" + at + ": portal GET /me/journey", traineePortal, traineeRest95, sampled);
        latency(
                "c. trainee task list p95" + at + ": Tasklist filter \"My milestones\" (webapp API, page of 15)",
                traineeTasklist,
                traineeRest95,
                sampled);
        latency(
                "c. trainee task list p95" + at + ": Camunda REST GET /engine-rest/task (assignee, same query)",
                traineeRest,
                Double.NaN,
                sampled);
        latency(
                "c. mentor task list p95" + at + ": portal GET /mentor/trainees",
                mentorPortal,
                mentorRest95,
                sampled + "; the page lists the mentor's trainees and every application awaiting review");
        latency(
                "c. mentor task list p95" + at + ": Tasklist filter \"Awaiting my sign-off\"",
                mentorTasklist,
                mentorRest95,
                sampled);
        latency(
                "c. mentor task list p95" + at + ": Tasklist filter \"Applications to review\" (unclaimed reviews)",
                reviewTasklist,
                reviewRest95,
                sampled);
        latency(
                "c. mentor task list p95" + at + ": Camunda REST GET /engine-rest/task (assignee, same query)",
                mentorRest,
                Double.NaN,
                sampled);
        latency(
                "c. mentor task list p95" + at + ": Camunda REST GET /engine-rest/task (unassigned, same query)",
                reviewRest,
                Double.NaN,
                sampled);
    }

    /**
     * Runs each list {@code first} times, then rounds of 100 requests of each until the JIT's compiler
     * threads used less than {@link Journeys#QUIET_JIT} of a CPU in a round, at most {@code maxRounds}.
     * @return how it ended, for the report
     */
    private String warmUpLists(List<Clients.Work<Integer>> lists, int first, int maxRounds) throws Exception {
        for (var list : lists) {
            Clients.sample(first, 0, list);
        }
        int rounds = 0;
        double share = Double.NaN;
        while (rounds < maxRounds && !(share < Journeys.QUIET_JIT)) {
            double compiler0 = compilerCpuSeconds(appPid);
            long t0 = System.nanoTime();
            for (var list : lists) {
                Clients.sample(100, 0, list);
            }
            share = (compilerCpuSeconds(appPid) - compiler0) / ((System.nanoTime() - t0) / 1e9);
            rounds++;
        }
        return first + " of each list"
                + (rounds == 0
                        ? ""
                        : ", then " + rounds + " rounds of 100 of each, JIT " + Math.round(share * 100)
                                + "% of a CPU in the last");
    }

    private static String filterList(Map<String, String> filters, String name) {
        String id = filters.get(name);
        if (id == null) {
            throw new IllegalStateException("no Tasklist filter '" + name + "' in " + filters.keySet());
        }
        return "/camunda/api/engine/engine/default/filter/" + id + "/list?firstResult=0&maxResults=15";
    }

    private static boolean ok(java.net.http.HttpResponse<String> response) throws IOException {
        Clients.check(response, 200, response.uri().getPath());
        return true;
    }

    /**
     * A latency figure: p95 against 50 ms and half the REST p95 (NaN: a REST reference figure), its p50 in
     * the note and in the JSON.
     */
    private void latency(String name, Timed timed, double restP95, String note) {
        long[] samples = timed.samples();
        double p95 = Clients.Stats.percentileMs(samples, 0.95);
        double p50 = Clients.Stats.percentileMs(samples, 0.5);
        boolean reference = Double.isNaN(restP95);
        var figure = figure(
                name,
                p95,
                "ms",
                reference ? "reference" : "<= 50 and <= 0.5 x REST p95 = " + round(0.5 * restP95),
                reference || (p95 <= 50 && p95 <= 0.5 * restP95),
                "p50 " + round(p50) + " ms; " + note + "; application CPU " + round(timed.cpuMsPerRequest())
                        + " ms per request, of which its request threads "
                        + round(timed.requestThreadCpuMsPerRequest()));
        figure.put("p50", round(p50));
        figure.put("appCpuMsPerRequest", round(timed.cpuMsPerRequest()));
        figure.put("requestThreadCpuMsPerRequest", round(timed.requestThreadCpuMsPerRequest()));
    }

    // e. timers ------------------------------------------------------------------------------------------

    /**
     * Makes {@code count} mentor-reminder timers due (real journeys' first, then copies') by setting their
     * due date in the database, as {@code ManagementService.setJobDuedate} would, wakes the job executor by
     * signing one milestone off (which creates an asynchronous job, and the engine tells its job executor),
     * and measures until every one of them and the reminder-mail job each one creates has run.
     */
    private void timers(
            String base, Connection db, Journeys journeys, List<String> rootsA, int count, long openTasks, double tps)
            throws Exception {
        var hint = journeys.tasks(rootsA.subList(0, 1), Journeys.SIGN_OFF).get(0);
        int selected;
        try (var ps = db.prepareStatement("create temp table due_timers as select j.id_ from act_ru_job j"
                + " join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'timer_mentor_reminder'"
                + " and j.root_proc_inst_id_ <> ? order by substring(j.id_, 15, 1) <> '1', j.id_ limit " + count)) {
            ps.setString(1, hint.root());
            ps.execute();
        }
        try (var s = db.createStatement()) {
            selected = s.executeUpdate("update act_ru_job set duedate_ = now() - interval '1 second'"
                    + " where id_ in (select id_ from due_timers)");
        }
        long t0 = System.nanoTime();
        var response = Clients.postJson(
                base + "/engine-rest/task/" + hint.id() + "/submit-form",
                Clients.basic(hint.assignee(), APP_PASSWORD),
                "{\"variables\": {\"signOffDecision\": {\"value\": \"approve\"}, \"mentorComment\": {\"value\":"
                        + " \"Well done.\"}}}");
        Clients.check(response, 204, "sign-off that wakes the job executor");
        String remaining = "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where j.retries_ > 0 and (j.duedate_ is null or j.duedate_ <= now()) and"
                + " (j.id_ in (select id_ from due_timers) or d.act_id_ = 'service_remind_mentor')";
        long deadline = t0 + TimeUnit.SECONDS.toNanos(quick ? 90 : 600);
        long left = -1;
        while (System.nanoTime() < deadline) {
            try (var s = db.createStatement();
                    var rs = s.executeQuery(remaining)) {
                rs.next();
                left = rs.getLong(1);
            }
            if (left == 0) {
                break;
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long succeeded;
        long failed;
        double logSeconds;
        try (var s = db.createStatement();
                var rs = s.executeQuery("select count(*) filter (where job_state_ = 2),"
                        + " count(*) filter (where job_state_ = 1),"
                        + " extract(epoch from max(timestamp_) - min(timestamp_))"
                        + " from act_hi_job_log where act_id_ in ('timer_mentor_reminder', 'service_remind_mentor')"
                        + " and job_state_ in (1, 2)")) {
            rs.next();
            succeeded = rs.getLong(1);
            failed = rs.getLong(2);
            logSeconds = rs.getDouble(3);
        }
        double perSecond = succeeded / seconds;
        double target = 0.05 * tps;
        figure(
                "e. " + selected + " due mentor-reminder timers drained by the job executor at " + openTasks
                        + " open tasks",
                perSecond,
                "jobs/s",
                ">= 0.05 x pgbench TPS = " + round(target),
                left == 0 && failed == 0 && perSecond >= target,
                succeeded + " jobs ran (each timer and the reminder-mail job it creates) in " + round(seconds)
                        + " s from waking the executor until none was due"
                        + (left == 0 ? "" : " (timed out, " + left + " still due)") + "; " + failed
                        + " failed attempts; first to last job "
                        + round(logSeconds) + " s in the job log; the mail outbox is sent meanwhile");
    }

    // report -----------------------------------------------------------------------------------------

    private Map<String, Object> figure(
            String name, double value, String unit, String target, boolean met, String note) {
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
        return figure;
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
        // in the issue's order (a. to g.), each part in the order it was measured
        figures.sort(java.util.Comparator.comparing(
                f -> String.valueOf(f.get("name")).substring(0, 2)));
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

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
