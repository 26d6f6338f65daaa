package org.opensourceecology.incubator.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.IncubatorApplication;
import org.opensourceecology.incubator.download.FollowUpProcess;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.support.PrivatePostgresServer;
import org.opensourceecology.incubator.support.TestMail;
import org.opensourceecology.incubator.training.ImmersionTrainingProcess;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real PostgreSQL restart while the application works: its own server (the machine's shared one
 * serves other test runs), the whole application with the job executor on, downloads over HTTP and
 * journey steps through the engine from several threads. The server is restarted ({@code pg_ctl
 * restart -m fast}), then stopped for a few seconds and started again. Requests during the outage
 * fail quickly with a 5xx, readiness goes DOWN and UP again, the application works again by itself,
 * every answered request has its rows and no journey is half-written.
 */
class PostgresRestartIT {

    private static final Logger log = LoggerFactory.getLogger(PostgresRestartIT.class);

    /** Longer than any request may take: Hikari gives up on a connection after 5 s (application.yaml). */
    private static final Duration HANG = Duration.ofSeconds(20);

    /** How long PostgreSQL stays stopped: long enough for requests to give up waiting for it. */
    private static final Duration PAUSE = Duration.ofSeconds(8);

    private static final String SLUG = "ceb-press";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static PrivatePostgresServer server;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void startServerAndApplication() {
        assumeTrue(PrivatePostgresServer.installed(), "PostgreSQL 15 binaries in " + PrivatePostgresServer.BIN);
        server = PrivatePostgresServer.create();
        server.createDatabase("incubator");
        app = new SpringApplicationBuilder(IncubatorApplication.class)
                .initializers(new TestMail())
                .run(
                        "--spring.datasource.url=" + server.jdbcUrl("incubator"),
                        "--spring.datasource.username=" + PrivatePostgresServer.USER,
                        "--spring.datasource.password=",
                        "--server.port=0",
                        "--spring.application.name=incubator-pg-restart",
                        // Engines register JVM-wide by name; Camunda's webapps keep one context in a static field.
                        "--camunda.bpm.process-engine-name=pgrestart",
                        "--camunda.bpm.webapp.enabled=false",
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=1000",
                        // A job whose execution the outage cut off runs again when its lock expires:
                        // 10 s here instead of Camunda's 5 minutes, so that the test can wait for it.
                        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                        "--incubator.rate-limit.requests-per-window=1000000",
                        "--spring.jmx.enabled=false");
    }

    @AfterAll
    static void stopApplicationAndServer() {
        try {
            if (server != null && !server.running()) {
                server.start(); // a failed test may leave it stopped; the application closes faster with it
            }
            if (app != null) {
                app.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void recoversFromRestartsByItselfAndNoJourneyIsHalfWritten() throws Exception {
        var load = new Load();
        load.start();
        try {
            load.awaitSuccessesOfEveryKind("before any outage");

            server.restart();
            load.awaitSuccessesOfEveryKind("after pg_ctl restart -m fast");

            server.stop();
            Instant stoppedAt = Instant.now();
            await().atMost(HANG)
                    .untilAsserted(() -> assertThat(load.readinessSince(stoppedAt))
                            .as("readiness while PostgreSQL is down")
                            .contains(503));
            Thread.sleep(Math.max(
                    0, PAUSE.minus(Duration.between(stoppedAt, Instant.now())).toMillis()));
            server.start();
            Instant startedAt = Instant.now();
            load.awaitSuccessesOfEveryKind("after stop, pause and start");
            await().atMost(HANG)
                    .untilAsserted(() -> assertThat(load.lastReadiness())
                            .as("readiness after PostgreSQL is back")
                            .isEqualTo(200));

            assertThat(load.attemptsWithin(stoppedAt, startedAt))
                    .as("work attempted and answered while PostgreSQL was down")
                    .isNotEmpty()
                    .allSatisfy(attempt -> assertThat(attempt.success())
                            .as("%s while down", attempt)
                            .isFalse());
        } finally {
            load.stop();
        }

        assertThat(load.attempts)
                .as("every request answered in time; HTTP failures are 503")
                .allSatisfy(attempt -> {
                    assertThat(attempt.took()).as("%s", attempt).isLessThan(HANG);
                    if (attempt.kind() == Kind.DOWNLOAD && !attempt.success()) {
                        assertThat(attempt.outcome()).as("%s", attempt).matches("(GET|POST) 503");
                    }
                });
        log.info(
                "Succeeded: {} downloads, {} journeys started, {} reviews; failed: {}",
                load.downloadedEmails.size(),
                load.startedJourneys.size(),
                load.reviewDecisions.size(),
                load.summary());

        drainJobs();
        downloadsHaveTheirRowsAndFollowUps(load);
        journeysAreWholeAndAgreeWithTheirApplications(load);
        poolServesEveryConnectionAgain();
    }

    // ---- after the outages ------------------------------------------------------------------------

    /** Lets the job executor finish due work, then runs the retries the outage scheduled (as their time would). */
    private static void drainJobs() {
        ManagementService management = engine().getManagementService();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(
                                management.createJobQuery().executable().list())
                        .as("due jobs (locks of interrupted executions expire after 10 s)")
                        .isEmpty());
        List<Job> failed = management.createJobQuery().withException().list();
        assertThat(failed)
                .as("a failure in the outage is a retry, never an incident")
                .allSatisfy(job -> assertThat(job.getRetries()).isPositive());
        failed.forEach(job -> management.executeJob(job.getId()));
        log.info("Jobs the outage failed, run again as their retry would: {}", failed.size());

        assertThat(management.createJobQuery().withException().count()).isZero();
        assertThat(management.createJobQuery().noRetriesLeft().count()).isZero();
        assertThat(engine().getRuntimeService().createIncidentQuery().count()).isZero();
        assertThat(management.createJobQuery().list())
                .as("what is left waits for its time")
                .allSatisfy(job -> assertThat(job.getDuedate()).isInTheFuture());
    }

    private static void downloadsHaveTheirRowsAndFollowUps(Load load) {
        var jdbc = app.getBean(JdbcTemplate.class);
        assertThat(load.downloadedEmails).isNotEmpty();
        for (String email : load.downloadedEmails) {
            assertThat(jdbc.queryForObject("select count(*) from manual_download where email = ?", Long.class, email))
                    .as("the download that answered 303 for %s", email)
                    .isOne();
        }
        Set<String> downloadsWithFollowUp = new HashSet<>(jdbc.queryForList(
                "select cast(id as varchar) from manual_download where consent_follow_up_at is not null",
                String.class));
        Set<String> followUps = historic(FollowUpProcess.KEY).stream()
                .map(HistoricProcessInstance::getBusinessKey)
                .collect(Collectors.toSet());
        assertThat(followUps)
                .as("one follow-up per download with consent, and none without its download")
                .isEqualTo(downloadsWithFollowUp);
        assertThat(engine().getManagementService()
                        .createJobQuery()
                        .processDefinitionKey(FollowUpProcess.KEY)
                        .activityId(FollowUpProcess.TIMER_FOLLOW_UP)
                        .count())
                .as("every follow-up mailed the manual (an async continuation) and waits for its timer")
                .isEqualTo(followUps.size());
        assertThat(jdbc.queryForObject(
                        "select count(*) from manual_download d where d.email is not null"
                                + " and not exists (select 1 from mail_outbox m where m.recipient = d.email)",
                        Long.class))
                .as("downloads whose manual link is not in the outbox")
                .isZero();
    }

    private static void journeysAreWholeAndAgreeWithTheirApplications(Load load) {
        var jdbc = app.getBean(JdbcTemplate.class);
        var applications = jdbc.queryForList("select id, status from training_application");
        assertThat(load.startedJourneys).isNotEmpty();
        assertThat(load.reviewDecisions).isNotEmpty();

        Set<String> journeys = historic(JourneyProcess.KEY).stream()
                .map(HistoricProcessInstance::getBusinessKey)
                .collect(Collectors.toSet());
        assertThat(journeys)
                .as("one journey per application, and none without its application")
                .isEqualTo(applications.stream()
                        .map(row -> "application-" + row.get("id"))
                        .collect(Collectors.toSet()));
        assertThat(journeys).containsAll(load.startedJourneys);

        TaskService tasks = engine().getTaskService();
        RuntimeService runtime = engine().getRuntimeService();
        for (var row : applications) {
            String key = "application-" + row.get("id");
            String status = (String) row.get("status");
            long reviews = tasks.createTaskQuery()
                    .processInstanceBusinessKey(key)
                    .taskDefinitionKey(ImmersionTrainingProcess.USER_REVIEW_APPLICATION)
                    .count();
            long milestones = tasks.createTaskQuery()
                    .processInstanceBusinessKey(key)
                    .taskDefinitionKey(ImmersionTrainingProcess.USER_COMPLETE_MILESTONE)
                    .count();
            long running = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(key)
                    .processDefinitionKey(JourneyProcess.KEY)
                    .count();
            switch (status) {
                case "SUBMITTED" ->
                    assertThat(List.of(reviews, milestones, running))
                            .as("%s submitted: waits for its review", key)
                            .containsExactly(1L, 0L, 1L);
                case "ENROLLED" ->
                    assertThat(List.of(reviews, milestones, running))
                            .as("%s accepted: mentor, cohort and first milestone", key)
                            .containsExactly(0L, 1L, 1L);
                case "REJECTED" ->
                    assertThat(List.of(reviews, milestones, running))
                            .as("%s rejected: the journey ended", key)
                            .containsExactly(0L, 0L, 0L);
                default -> throw new AssertionError(key + " is " + status + ", a state no transaction leaves behind");
            }
        }
        for (var decision : load.reviewDecisions) {
            String expected = decision.endsWith(ImmersionTrainingProcess.ACCEPT) ? "ENROLLED" : "REJECTED";
            long id = Long.parseLong(decision.substring("application-".length(), decision.indexOf(' ')));
            assertThat(jdbc.queryForObject("select status from training_application where id = ?", String.class, id))
                    .as(decision)
                    .isEqualTo(expected);
        }
    }

    /** Every connection the pool can hold at once works, and each is to the server as it runs now. */
    private static void poolServesEveryConnectionAgain() throws Exception {
        var hikari = app.getBean(DataSource.class).unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < hikari.getMaximumPoolSize(); i++) {
                var connection = hikari.getConnection();
                held.add(connection);
                try (var statement = connection.createStatement();
                        var row = statement.executeQuery("select backend_start >= pg_postmaster_start_time()"
                                + " from pg_stat_activity where pid = pg_backend_pid()")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getBoolean(1))
                            .as("connection opened after the last start")
                            .isTrue();
                }
            }
        } finally {
            for (var connection : held) {
                connection.close();
            }
        }
        assertThat(hikari.getHikariPoolMXBean().getThreadsAwaitingConnection()).isZero();
    }

    private static List<HistoricProcessInstance> historic(String key) {
        HistoryService history = engine().getHistoryService();
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(key)
                .list();
    }

    private static ProcessEngine engine() {
        return app.getBean(ProcessEngine.class);
    }

    private static String baseUrl() {
        return "http://localhost:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    // ---- the load --------------------------------------------------------------------------------

    enum Kind {
        DOWNLOAD,
        APPLY,
        REVIEW
    }

    record Attempt(Kind kind, Instant at, Duration took, boolean success, String outcome) {}

    /** Two download clients, an applicant and a reviewer in a loop, and a readiness probe, until stopped. */
    static final class Load {

        final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> downloadedEmails = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> startedJourneys = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> reviewDecisions = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Readiness> readiness = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger sequence = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();

        record Readiness(Instant at, int status) {}

        void start() {
            threads.add(new Thread(this::downloads, "load-download-1"));
            threads.add(new Thread(this::downloads, "load-download-2"));
            threads.add(new Thread(this::applications, "load-apply"));
            threads.add(new Thread(this::reviews, "load-review"));
            threads.add(new Thread(this::probeReadiness, "load-readiness"));
            threads.forEach(Thread::start);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (var thread : threads) {
                thread.join(HANG.multipliedBy(2).toMillis());
            }
        }

        void awaitSuccessesOfEveryKind(String when) {
            Instant from = Instant.now();
            await().alias(when).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (Kind kind : Kind.values()) {
                    assertThat(attemptsSince(from).stream()
                                    .filter(a -> a.kind() == kind && a.success())
                                    .count())
                            .as("%s successes %s", kind, when)
                            .isGreaterThanOrEqualTo(2);
                }
            });
        }

        List<Attempt> attemptsSince(Instant from) {
            return attempts.stream().filter(a -> !a.at().isBefore(from)).toList();
        }

        List<Attempt> attemptsWithin(Instant from, Instant to) {
            return attempts.stream()
                    .filter(a ->
                            !a.at().isBefore(from) && !a.at().plus(a.took()).isAfter(to))
                    .toList();
        }

        List<Integer> readinessSince(Instant from) {
            return readiness.stream()
                    .filter(r -> !r.at().isBefore(from))
                    .map(Readiness::status)
                    .toList();
        }

        int lastReadiness() {
            return readiness.stream().reduce((a, b) -> b).map(Readiness::status).orElse(0);
        }

        String summary() {
            return attempts.stream()
                    .filter(a -> !a.success())
                    .collect(Collectors.groupingBy(a -> a.kind() + " " + a.outcome(), Collectors.counting()))
                    .toString();
        }

        private void downloads() {
            var client = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            while (running.get()) {
                String email = "dl" + sequence.incrementAndGet() + "@restart.example";
                attempt(Kind.DOWNLOAD, () -> {
                    var page =
                            client.send(request("/enterprises/" + SLUG).build(), HttpResponse.BodyHandlers.ofString());
                    if (page.statusCode() != 200) {
                        return "GET " + page.statusCode();
                    }
                    var csrf = CSRF.matcher(page.body());
                    if (!csrf.find()) {
                        return "GET without a CSRF token";
                    }
                    String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                            + "&consentFollowUp=true&intent=learn&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
                    var post = client.send(
                            request("/enterprises/" + SLUG + "/downloads")
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (post.statusCode() != 303) {
                        return "POST " + post.statusCode();
                    }
                    downloadedEmails.add(email);
                    return null;
                });
            }
        }

        private void applications() {
            IdentityService identity = engine().getIdentityService();
            RuntimeService runtime = engine().getRuntimeService();
            identity.setAuthentication("trainee", List.of(Roles.TRAINEES));
            while (running.get()) {
                attempt(Kind.APPLY, () -> {
                    var variables = Variables.createVariables();
                    JourneyProcess.ENTERPRISE_SLUG.putIn(variables, SLUG);
                    JourneyProcess.MOTIVATION.putIn(variables, "I want to press bricks from the soil of my town.");
                    JourneyProcess.CITY.putIn(variables, "Accra");
                    JourneyProcess.COUNTRY.putIn(variables, "Ghana");
                    var journey = runtime.startProcessInstanceByKey(JourneyProcess.KEY, variables);
                    startedJourneys.add(journey.getBusinessKey());
                    return null;
                });
            }
        }

        private void reviews() {
            TaskService tasks = engine().getTaskService();
            while (running.get()) {
                List<org.camunda.bpm.engine.task.Task> open;
                try {
                    open = tasks.createTaskQuery()
                            .processDefinitionKey(ImmersionTrainingProcess.KEY)
                            .taskDefinitionKey(ImmersionTrainingProcess.USER_REVIEW_APPLICATION)
                            .orderByTaskCreateTime()
                            .asc()
                            .listPage(0, 1);
                } catch (RuntimeException e) {
                    // the database is away; the attempts of the other kinds record that
                    pause(200);
                    continue;
                }
                if (open.isEmpty()) {
                    pause(100);
                    continue;
                }
                var task = open.get(0);
                boolean accept = sequence.incrementAndGet() % 2 == 0;
                attempt(Kind.REVIEW, () -> {
                    String key = engine().getRuntimeService()
                            .createProcessInstanceQuery()
                            .processInstanceId(task.getProcessInstanceId())
                            .singleResult()
                            .getBusinessKey();
                    var decision = ImmersionTrainingProcess.REVIEW_DECISION.with(
                            accept ? ImmersionTrainingProcess.ACCEPT : ImmersionTrainingProcess.REJECT);
                    if (!accept) {
                        ImmersionTrainingProcess.REJECTION_REASON.putIn(decision, "The cohort is full.");
                    }
                    tasks.complete(task.getId(), decision);
                    reviewDecisions.add(
                            key + " " + (accept ? ImmersionTrainingProcess.ACCEPT : ImmersionTrainingProcess.REJECT));
                    return null;
                });
            }
        }

        private void probeReadiness() {
            var client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            while (running.get()) {
                try {
                    var response = client.send(
                            request("/actuator/health/readiness").build(), HttpResponse.BodyHandlers.discarding());
                    readiness.add(new Readiness(Instant.now(), response.statusCode()));
                } catch (Exception e) {
                    readiness.add(new Readiness(Instant.now(), -1));
                }
                pause(250);
            }
        }

        /** Runs one unit of work; it fails by returning what went wrong or by throwing. */
        private void attempt(Kind kind, Work work) {
            Instant at = Instant.now();
            String failure;
            try {
                failure = work.run();
            } catch (Exception e) {
                failure = e.getClass().getSimpleName();
            }
            attempts.add(new Attempt(kind, at, Duration.between(at, Instant.now()), failure == null, failure));
            pause(failure == null ? 20 : 200);
        }

        private static HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(HANG.multipliedBy(2));
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        interface Work {
            /** @return null on success, else what went wrong */
            String run() throws Exception;
        }
    }
}
