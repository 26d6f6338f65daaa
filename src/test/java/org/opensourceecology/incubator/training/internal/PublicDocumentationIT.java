package org.opensourceecology.incubator.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.TestUsers;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Public in-process documentation on the real application and PostgreSQL: a trainee who ticks the
 * consent box on the start form has the evidence and notes of their signed-off milestone on
 * {@code /enterprises/ceb-press/documentation} for any visitor, without name, user id or email; one who
 * did not tick it does not; after the trainee withdraws on their journey page it is gone at once, and
 * nobody else can decide for them.
 */
@IntegrationTest
class PublicDocumentationIT {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final String PAGE = "/enterprises/ceb-press/documentation";

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void consentedDocumentationIsPublicUntilTheTraineeWithdrawsIt() throws Exception {
        String trainee = TestUsers.create(identity, "doc", Roles.TRAINEES, "doc.example");
        String silent = TestUsers.create(identity, "docs", Roles.TRAINEES, "doc.example");
        String mentor = TestUsers.create(identity, "docm", Roles.MENTORS, "doc.example");
        String marker = TestUsers.uniqueSuffix();
        String shared = "https://wiki.example.org/build-" + marker;
        String kept = "https://wiki.example.org/private-" + marker;
        long consenting = trainAndSignOff(trainee, mentor, true, shared, "Frame <b>welded</b> " + marker);
        long notConsenting = trainAndSignOff(silent, mentor, false, kept, "For my mentor only " + marker);
        assertThat(jdbc.queryForObject(
                        "select consent_public_documentation_at is not null from training_application where id = ?",
                        Boolean.class,
                        consenting))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select consent_public_documentation_at is null from training_application where id = ?",
                        Boolean.class,
                        notConsenting))
                .isTrue();

        var visitor = new Client();
        var page = visitor.get(PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        ">Trainee " + consenting + "<",
                        "href=\"" + shared + "\"",
                        "Frame &lt;b&gt;welded&lt;/b&gt; " + marker)
                .doesNotContain(kept, "For my mentor only", ">Trainee " + notConsenting + "<")
                .doesNotContain(trainee, "doc.example", "Given " + trainee);
        assertThat(visitor.get("/enterprises/ceb-press").body())
                .contains("href=\"/enterprises/ceb-press/documentation\"");

        // someone else cannot withdraw (or give) it for them
        var other = new Client();
        other.login(silent);
        var meddling = other.postForm(
                "/me/journey", "/me/applications/" + consenting + "/public-documentation", Map.of("consent", "false"));
        assertThat(meddling.statusCode()).isEqualTo(404);
        assertThat(visitor.get(PAGE).body()).contains(shared);

        // the trainee withdraws on their journey page
        var me = new Client();
        me.login(trainee);
        var journey = me.get("/me/journey");
        assertThat(journey.body())
                .contains("as “Trainee " + consenting + "”")
                .contains("action=\"/me/applications/" + consenting + "/public-documentation\"");
        var withdrawn = me.postForm(
                "/me/journey", "/me/applications/" + consenting + "/public-documentation", Map.of("consent", "false"));
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(withdrawn.headers().firstValue("Location").orElseThrow())
                .endsWith("/me/journey#application-" + consenting);

        var after = visitor.get(PAGE);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).doesNotContain(shared, marker, ">Trainee " + consenting + "<");
        var record = jdbc.queryForMap(
                "select consent_public_documentation_at, public_documentation_withdrawn_at from training_application"
                        + " where id = ?",
                consenting);
        assertThat(record.get("consent_public_documentation_at"))
                .as("when it was given stays on record")
                .isNotNull();
        assertThat(record.get("public_documentation_withdrawn_at")).isNotNull();
        assertThat(me.get("/me/journey").body()).contains("Show the evidence and notes of my signed-off milestones");

        // a visitor cannot decide for anyone
        var anonymous = visitor.postForm(
                "/login", "/me/applications/" + consenting + "/public-documentation", Map.of("consent", "true"));
        assertThat(anonymous.statusCode()).isIn(302, 401, 403);
        assertThat(visitor.get(PAGE).body()).doesNotContain(shared);
    }

    /** Applies (as the trainee), is accepted with the mentor, submits the first milestone, gets it signed off. */
    private long trainAndSignOff(String trainee, String mentor, boolean consent, String evidence, String notes) {
        var variables = Variables.createVariables();
        JourneyProcess.ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        JourneyProcess.MOTIVATION.putIn(variables, "I want to press bricks from the soil of my town.");
        JourneyProcess.CITY.putIn(variables, "Tamale");
        JourneyProcess.COUNTRY.putIn(variables, "Ghana");
        JourneyProcess.CONSENT_PUBLIC_DOCUMENTATION.putIn(variables, consent);
        ProcessInstance journey;
        identity.setAuthentication(trainee, List.of(Roles.TRAINEES));
        try {
            journey = runtime.startProcessInstanceByKey(JourneyProcess.KEY, variables);
        } finally {
            identity.clearAuthentication();
        }
        long applicationId = (Long) runtime.getVariable(journey.getId(), JourneyProcess.APPLICATION_ID.name());
        tasks.complete(
                task(applicationId, USER_REVIEW_APPLICATION).getId(),
                MENTOR_OVERRIDE.putIn(REVIEW_DECISION.with(ACCEPT), mentor));
        tasks.complete(
                task(applicationId, USER_COMPLETE_MILESTONE).getId(), NOTES.putIn(EVIDENCE_URLS.with(evidence), notes));
        tasks.complete(task(applicationId, USER_SIGN_OFF_MILESTONE).getId(), SIGN_OFF_DECISION.with(APPROVE));
        runJobsOf(journey);
        assertThat(task(applicationId, USER_COMPLETE_MILESTONE))
                .as("signed off: the second milestone is open")
                .isNotNull();
        return applicationId;
    }

    private org.camunda.bpm.engine.task.Task task(long applicationId, String taskDefinitionKey) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey("application-" + applicationId)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    /** The asynchronous steps (record sign-off, mail) of this journey's training; the job executor is off. */
    private void runJobsOf(ProcessInstance journey) {
        var training = runtime.createProcessInstanceQuery()
                .superProcessInstanceId(journey.getId())
                .singleResult();
        List<org.camunda.bpm.engine.runtime.Job> jobs;
        while (!(jobs = management
                        .createJobQuery()
                        .processInstanceId(training.getId())
                        .messages()
                        .executable()
                        .list())
                .isEmpty()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** A browser: cookies, no redirects followed, CSRF token taken from the page the form is on. */
    private final class Client {

        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        void login(String userId) throws Exception {
            var response =
                    postForm("/login", "/login", Map.of("username", userId, "password", TestUsers.password(userId)));
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept", "text/html")
                            .header("Accept-Language", "en")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String pagePath, String actionPath, Map<String, String> fields) throws Exception {
            var token = CSRF.matcher(get(pagePath).body());
            assertThat(token.find()).as("CSRF token on " + pagePath).isTrue();
            var body = new HashMap<>(fields);
            body.put("_csrf", token.group(1));
            String form = body.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(uri(actionPath))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .header("Accept-Language", "en")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
