package org.opensourceecology.incubator.download;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.catalog.EnterpriseSpecificationProcess;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Catalog and downloads on PostgreSQL with mail through GreenMail: a download with consent mails the
 * manual link, the unsubscribe link ends the follow-up and erases the email; bad input stores nothing;
 * the JSON API answers 202, 400 and 422. The job executor is off here: the test executes the jobs.
 */
@IntegrationTest
class CatalogAndDownloadIT {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void downloadWithConsentMailsTheManualLinkAndTheUnsubscribeLinkEndsTheFollowUp() throws Exception {
        String email = "maker-" + UUID.randomUUID() + "@example.org";

        var response = postForm(
                "/enterprises/ceb-press",
                "/enterprises/ceb-press/downloads",
                Map.of(
                        "email", " " + email.toUpperCase() + " ",
                        "consentFollowUp", "true",
                        "city", "Maysville",
                        "country", "US",
                        "intent", "replicate"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location"))
                .contains("https://wiki.opensourceecology.org/wiki/CEB_Press");
        var row = jdbc.queryForMap(
                "select id, email, email_hash, unsubscribe_token, consent_follow_up_at, consent_map_at"
                        + " from manual_download where lower(email) = ?",
                email);
        long downloadId = ((Number) row.get("id")).longValue();
        assertThat(row.get("consent_follow_up_at")).isNotNull();
        assertThat(row.get("consent_map_at")).isNull();
        var followUp = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(FollowUpProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(downloadId))
                .singleResult();
        assertThat(followUp).isNotNull();
        assertThat(runtimeService.getVariables(followUp.getId()).values())
                .as("no plain email in the engine")
                .noneMatch(v -> String.valueOf(v).toLowerCase().contains(email));

        executeJobsOf(followUp.getId());

        String mail = awaitMailTo(email.toUpperCase().strip());
        assertThat(mail).contains("https://wiki.opensourceecology.org/wiki/CEB_Press");
        var link = Pattern.compile("(/unsubscribe/[0-9a-f]{64})").matcher(mail);
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isEqualTo("/unsubscribe/" + row.get("unsubscribe_token"));

        var confirm = get(link.group(1));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("delete your email address");
        var done = postForm(link.group(1), link.group(1), Map.of());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("you get no more mail");

        var after = jdbc.queryForMap(
                "select email, email_hash, follow_up_withdrawn_at from manual_download where id = ?", downloadId);
        assertThat(after.get("email")).isNull();
        assertThat(after.get("email_hash")).isNull();
        assertThat(after.get("follow_up_withdrawn_at")).isNotNull();
        assertThat(historyService
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(followUp.getId())
                        .activityId(FollowUpProcess.END_UNSUBSCRIBED)
                        .count())
                .isEqualTo(1);
        assertThat(get(link.group(1)).body()).contains("you get no more mail");
        assertThat(postForm("/enterprises/ceb-press", link.group(1), Map.of()).statusCode())
                .as("unsubscribing twice is fine")
                .isEqualTo(200);
    }

    @Test
    void anonymousDownloadKeepsNoServerSessionAndStillNeedsItsCsrfToken() throws Exception {
        var cookies = new CookieManager();
        var visitor = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var page = visitor.send(
                HttpRequest.newBuilder(uri("/enterprises/ceb-press")).build(), HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        String form = "intent=learn&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);

        var stranger = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(uri("/enterprises/ceb-press/downloads"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).as("the token without its cookie").isEqualTo(403);

        var download = visitor.send(
                HttpRequest.newBuilder(uri("/enterprises/ceb-press/downloads"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(303);
        assertThat(cookies.getCookieStore().getCookies())
                .extracting(java.net.HttpCookie::getName)
                .contains("INCUBATOR-CSRF")
                .doesNotContain("SESSION");
    }

    @Test
    void invalidDownloadRecordsNothing() throws Exception {
        long before = jdbc.queryForObject("select count(*) from manual_download", Long.class);

        var response = postForm(
                "/enterprises/ceb-press",
                "/enterprises/ceb-press/downloads",
                Map.of("email", "not-an-email", "consentFollowUp", "true", "intent", "resell"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The email address is not valid.");
        assertThat(postForm("/enterprises/ceb-press", "/enterprises/no-such-thing/downloads", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from manual_download", Long.class))
                .isEqualTo(before);
    }

    @Test
    void submittingASpecificationStartsItsReviewAndBadSpecificationsAreRefused() throws Exception {
        String slug = "open-tractor-" + UUID.randomUUID().toString().substring(0, 8);

        var accepted = api("POST", "/api/enterprises", specification(slug, "CC-BY-SA-4.0"), "trainee:trainee");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"slug\":\"" + slug + "\"").contains("processInstanceId");
        assertThat(jdbc.queryForObject(
                        "select status from enterprise_specification where slug = ?", String.class, slug))
                .isEqualTo("IN_REVIEW");
        var review = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(EnterpriseSpecificationProcess.KEY)
                .processInstanceBusinessKey(slug)
                .singleResult();
        assertThat(review).isNotNull();
        assertThat(accepted.body()).contains(review.getId());
        assertThat(api("GET", "/api/enterprises/" + slug, null, null).statusCode())
                .as("not published yet")
                .isEqualTo(404);
        assertThat(api("GET", "/api/enterprises/ceb-press", null, null).body())
                .contains("\"hardware\":\"GPL-3.0-or-later\"");

        var reviewTask = taskService
                .createTaskQuery()
                .processInstanceId(review.getId())
                .taskCandidateGroup("certifiers")
                .singleResult();
        taskService.complete(
                reviewTask.getId(),
                Map.of(
                        "openSourceChecked", true,
                        "businessModelChecked", true,
                        "dogfoodingChecked", true,
                        "licencesChecked", true,
                        "decision", EnterpriseSpecificationProcess.APPROVE,
                        "reviewComments", ""));
        executeJobsOf(review.getId());
        assertThat(jdbc.queryForObject(
                        "select status from enterprise_specification where slug = ? and published_at is not null",
                        String.class,
                        slug))
                .isEqualTo("PUBLISHED");
        assertThat(api("GET", "/api/enterprises/" + slug, null, null).statusCode())
                .isEqualTo(200);
        assertThat(get("/enterprises/" + slug).body())
                .contains("Open &lt;Tractor&gt;")
                .doesNotContain("Open <Tractor>");

        var taken = api("POST", "/api/enterprises", specification(slug, "CC-BY-SA-4.0"), "trainee:trainee");
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("already taken");

        String refusedSlug = slug + "-nc";
        var nonCommercial =
                api("POST", "/api/enterprises", specification(refusedSlug, "CC-BY-NC-4.0"), "trainee:trainee");
        assertThat(nonCommercial.statusCode()).isEqualTo(422);
        assertThat(nonCommercial.body()).contains("licenses.documentation").contains("CC-BY-NC-4.0");

        var badSlug = api("POST", "/api/enterprises", specification("Not A Slug", "CC-BY-4.0"), "trainee:trainee");
        assertThat(badSlug.statusCode()).isEqualTo(400);
        assertThat(badSlug.body()).contains("\"field\":\"slug\"").doesNotContain("Exception");

        assertThat(api("POST", "/api/enterprises", "{not json", "trainee:trainee")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api("POST", "/api/enterprises", specification(slug + "-anon", "CC-BY-4.0"), null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(jdbc.queryForObject(
                        "select count(*) from enterprise_specification where slug like ?", Long.class, slug + "-%"))
                .isZero();
    }

    private static String specification(String slug, String documentationLicence) {
        return """
                {"slug": "%s", "name": "Open <Tractor>", "summary": "A modular tractor.", "category": "Agriculture",
                 "version": "1.0", "licenses": {"hardware": "CERN-OHL-S-2.0", "software": "GPL-3.0-or-later",
                 "documentation": "%s"},
                 "operationsManualUrl": "https://example.org/tractor", "operationsManualVersion": "2026.1",
                 "openSourceStatement": "Everything is published.", "businessModelStatement": "Pricing is public.",
                 "dogfoodingStatement": "We farm with it.", "revenueModels": ["PRODUCTION"],
                 "assets": [{"type": "BILL_OF_MATERIALS", "title": "BOM", "url": "https://example.org/bom"}]}""".formatted(slug, documentationLicence);
    }

    private void executeJobsOf(String processInstanceId) {
        var jobs = managementService
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .executable()
                .list();
        assertThat(jobs).hasSize(1);
        managementService.executeJob(jobs.get(0).getId());
    }

    private String awaitMailTo(String recipient) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : TestMail.server().getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)) {
                    return String.valueOf(message.getContent());
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No mail to " + recipient + " arrived");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Like a browser: read the page with the form for its CSRF token, then post the form. */
    private HttpResponse<String> postForm(String pagePath, String actionPath, Map<String, String> fields)
            throws Exception {
        var page = get(pagePath);
        var token = CSRF.matcher(page.body());
        assertThat(token.find()).as("CSRF token on " + pagePath).isTrue();
        var body = new java.util.HashMap<>(fields);
        body.put("_csrf", token.group(1));
        String form = body.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(uri(actionPath))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String method, String path, String json, String credentials) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
