package org.opensourceecology.incubator.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.catalog.EnterpriseSpecificationProcess;
import org.opensourceecology.incubator.certification.CertificationProcess;
import org.opensourceecology.incubator.certification.CertificationStatistics;
import org.opensourceecology.incubator.certification.Certifications;
import org.opensourceecology.incubator.download.DownloadStatistics;
import org.opensourceecology.incubator.download.FollowUpProcess;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.metrics.internal.CurrentMetrics;
import org.opensourceecology.incubator.notification.Notifications;
import org.opensourceecology.incubator.production.ProductionStatistics;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.training.ImmersionTrainingProcess;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.opensourceecology.incubator.training.TrainingStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person seeded across every module (download with consent, journey with application, consent to
 * public documentation and a signed-off milestone, verified production run, certificate, replicated
 * enterprise on the map with a report, an enterprise specification sent back and then published, mail)
 * is exported through {@code /me/data}, then erases themself
 * through the confirmation form: afterwards no text or binary column of the whole database (domain
 * tables, Camunda runtime, history and ACT_GE_BYTEARRAY) holds their email, names or user id, the
 * metrics (all six, by month and the funnel) are exactly as before, their documentation is off the
 * public page and the certificate page says only "erased on request".
 */
@IntegrationTest
class PrivacyIT {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    Certifications certifications;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DownloadStatistics downloadStatistics;

    @Autowired
    TrainingStatistics trainingStatistics;

    @Autowired
    ProductionStatistics productionStatistics;

    @Autowired
    CertificationStatistics certificationStatistics;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void exportHoldsEverythingAndErasureLeavesNoTraceButTheMetrics() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String userId = "prv" + suffix;
        String firstName = "Quillane" + letters(suffix);
        String lastName = "Vortigern" + letters(suffix);
        String email = userId + "@privacy.example";
        String mentor = "prvm" + suffix;
        user(userId, firstName, lastName, email, Roles.TRAINEES);
        user(mentor, "Mentor", "Person", mentor + "@privacy.example", Roles.MENTORS);

        // download with consent to follow-up and map
        var download = postForm(
                "/enterprises/ceb-press",
                "/enterprises/ceb-press/downloads",
                Map.of(
                        "email",
                        email,
                        "consentFollowUp",
                        "true",
                        "consentMap",
                        "true",
                        "city",
                        "Hamlet of " + lastName,
                        "country",
                        "Ghana",
                        "intent",
                        "replicate"));
        assertThat(download.statusCode()).isEqualTo(303);
        Long downloadId =
                jdbc.queryForObject("select id from manual_download where lower(email) = ?", Long.class, email);

        // journey: application and a milestone submission
        identity.setAuthentication(userId, List.of(Roles.TRAINEES));
        org.camunda.bpm.engine.runtime.ProcessInstance journey;
        try {
            var variables = Variables.createVariables();
            JourneyProcess.ENTERPRISE_SLUG.putIn(variables, "ceb-press");
            JourneyProcess.MOTIVATION.putIn(variables, "I am " + firstName + " " + lastName + " and I build houses.");
            JourneyProcess.PRIOR_SKILLS.putIn(variables, "Masonry, taught by " + lastName + " senior.");
            JourneyProcess.CITY.putIn(variables, "Kumasi");
            JourneyProcess.COUNTRY.putIn(variables, "Ghana");
            JourneyProcess.DOWNLOAD_EMAIL.putIn(variables, email);
            JourneyProcess.CONSENT_PUBLIC_DOCUMENTATION.putIn(variables, true);
            journey = runtime.startProcessInstanceByKey(JourneyProcess.KEY, variables);
        } finally {
            identity.clearAuthentication();
        }
        long applicationId = (Long) runtime.getVariable(journey.getId(), JourneyProcess.APPLICATION_ID.name());
        var review = tasks.createTaskQuery()
                .processInstanceBusinessKey("application-" + applicationId)
                .taskDefinitionKey(ImmersionTrainingProcess.USER_REVIEW_APPLICATION)
                .singleResult();
        tasks.complete(
                review.getId(),
                ImmersionTrainingProcess.MENTOR_OVERRIDE.putIn(
                        ImmersionTrainingProcess.REVIEW_DECISION.with(ImmersionTrainingProcess.ACCEPT), mentor));
        var work = tasks.createTaskQuery()
                .processInstanceBusinessKey("application-" + applicationId)
                .taskDefinitionKey(ImmersionTrainingProcess.USER_COMPLETE_MILESTONE)
                .singleResult();
        var evidence = ImmersionTrainingProcess.EVIDENCE_URLS.with("https://example.org/" + lastName + "/shop");
        ImmersionTrainingProcess.NOTES.putIn(evidence, "Notes of " + firstName + ": the shop is ready.");
        tasks.complete(work.getId(), evidence);
        var signOff = tasks.createTaskQuery()
                .processInstanceBusinessKey("application-" + applicationId)
                .taskDefinitionKey(ImmersionTrainingProcess.USER_SIGN_OFF_MILESTONE)
                .singleResult();
        tasks.complete(
                signOff.getId(),
                ImmersionTrainingProcess.MENTOR_COMMENT.putIn(
                        ImmersionTrainingProcess.SIGN_OFF_DECISION.with(ImmersionTrainingProcess.APPROVE),
                        "Well documented, " + firstName));
        executeJobs();
        // with their consent, the signed-off milestone is public documentation
        var documentation = get("/enterprises/ceb-press/documentation", "text/html");
        assertThat(documentation.statusCode()).isEqualTo(200);
        assertThat(documentation.body())
                .contains(">Trainee " + applicationId + "<", "https://example.org/" + lastName + "/shop")
                .doesNotContain(email, userId);

        // verified production run and a certificate
        Instant now = Instant.now();
        jdbc.update(
                """
                insert into production_run (producer_id, enterprise_slug, mentor_id, planned_units, status, units_built,
                    unit_cost, unit_price, units_sold, currency, documentation_url, qc_pass_rate, created_at, recorded_at,
                    verified_at, verified_by, correction_comment)
                values (?, 'ceb-press', ?, 3, 'VERIFIED', 3, 3000, 4500, 2, 'EUR', ?, 1.0, ?, ?, ?, ?, ?)""",
                userId,
                mentor,
                "https://wiki.opensourceecology.org/wiki/" + lastName,
                Timestamp.from(now),
                Timestamp.from(now),
                Timestamp.from(now),
                mentor,
                "Fine work, " + firstName);
        Long runId = jdbc.queryForObject("select id from production_run where producer_id = ?", Long.class, userId);
        for (int i = 1; i <= 3; i++) {
            jdbc.update(
                    "insert into production_unit (run_id, serial_number) values (?, ?)",
                    runId,
                    "CEB-" + runId + "-" + i);
            Long unitId = jdbc.queryForObject(
                    "select id from production_unit where run_id = ? and serial_number = ?",
                    Long.class,
                    runId,
                    "CEB-" + runId + "-" + i);
            jdbc.update(
                    "insert into qc_check (unit_id, criterion, passed, measurement) values (?, 'Frame squareness', true, '2 mm')",
                    unitId);
        }
        String businessKey = certifications.apply(userId, "ceb-press", "Built presses with " + lastName + " family.");
        var certification = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        assertThat(runtime.getVariable(certification.getId(), "eligibilityReasons") + " "
                        + runtime.getVariable(certification.getId(), "eligible"))
                .endsWith("true");
        var certifierReview = tasks.createTaskQuery()
                .processInstanceId(certification.getId())
                .taskDefinitionKey(CertificationProcess.USER_REVIEW_CERTIFICATION)
                .singleResult();
        tasks.claim(certifierReview.getId(), "certifier");
        tasks.complete(certifierReview.getId(), Map.of("reviewDecision", "certify", "reviewComment", "Good run."));
        executeJobs();
        String certificateId = (String) runtime.getVariable(certification.getId(), "certificateId");
        assertThat(certificateId).isNotNull();

        // a queued mail
        transaction.executeWithoutResult(status -> notifications.send(
                email, "notification-test", Map.of("text", "Dear " + firstName + " " + lastName), Locale.ENGLISH));

        // ---- export ----
        login(userId, "pw-" + userId);

        // the enterprise they replicate, on the map, with a quarterly report
        var registered = postJson("/api/replications", """
                {"name": "Kumasi Earth Bricks", "enterpriseSlug": "ceb-press", "city": "Hamlet of %s",
                 "country": "Ghana", "latitude": 6.69, "longitude": -1.62, "consentMap": true,
                 "website": "https://example.org/%s", "startupCost": 900, "startupCostCurrency": "USD"}""".formatted(lastName, userId));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        Long enterpriseId =
                jdbc.queryForObject("select id from replicated_enterprise where owner_id = ?", Long.class, userId);
        jdbc.update("""
                insert into production_report (enterprise_id, period_label, period_start, period_end, units_produced,
                    units_sold, sales_value, currency, hours_worked, notes, submitted_by, submitted_at)
                values (?, '2026-Q3', date '2026-07-01', date '2026-09-30', 40, 35, 5250, 'EUR', 300, ?, ?, ?)""", enterpriseId, "Sold to the neighbours of " + firstName, userId, Timestamp.from(Instant.now()));

        // a specification they submit through the API: sent back with a comment naming them, resubmitted
        // with their note, then published; it is public content under open licences and stays
        String slug = "village-press-" + suffix;
        var submitted = postJson("/api/enterprises", """
                {"slug": "%s", "name": "Village Press %s", "summary": "A small brick press.", "category": "Construction",
                 "version": "1.0", "licenses": {"hardware": "CERN-OHL-S-2.0", "software": "GPL-3.0-or-later",
                 "documentation": "CC-BY-SA-4.0"},
                 "operationsManualUrl": "https://example.org/village-press", "operationsManualVersion": "2026.1",
                 "openSourceStatement": "Everything is published.", "businessModelStatement": "Prices are public.",
                 "dogfoodingStatement": "We build our houses with it.", "revenueModels": ["PRODUCTION"],
                 "assets": [{"type": "BILL_OF_MATERIALS", "title": "BOM", "url": "https://example.org/bom"}]}""".formatted(slug, suffix));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        var specificationReview = runtime.createProcessInstanceQuery()
                .processDefinitionKey(EnterpriseSpecificationProcess.KEY)
                .processInstanceBusinessKey(slug)
                .singleResult();
        tasks.complete(
                specificationTask(
                        specificationReview.getId(), EnterpriseSpecificationProcess.USER_REVIEW_SPECIFICATION),
                EnterpriseSpecificationProcess.REVIEW_COMMENTS.putIn(
                        EnterpriseSpecificationProcess.DECISION.with(EnterpriseSpecificationProcess.SEND_BACK),
                        "Please add photos of the press, " + firstName + " (" + email + ")."));
        executeJobs();
        tasks.complete(
                specificationTask(
                        specificationReview.getId(), EnterpriseSpecificationProcess.USER_REVISE_SPECIFICATION),
                EnterpriseSpecificationProcess.REVISION_NOTE.putIn(
                        EnterpriseSpecificationProcess.REVISION_DECISION.with(EnterpriseSpecificationProcess.RESUBMIT),
                        "Photos added by " + lastName + "."));
        var approval = EnterpriseSpecificationProcess.DECISION.with(EnterpriseSpecificationProcess.APPROVE);
        EnterpriseSpecificationProcess.OPEN_SOURCE_CHECKED.putIn(approval, true);
        EnterpriseSpecificationProcess.BUSINESS_MODEL_CHECKED.putIn(approval, true);
        EnterpriseSpecificationProcess.DOGFOODING_CHECKED.putIn(approval, true);
        EnterpriseSpecificationProcess.LICENCES_CHECKED.putIn(approval, true);
        tasks.complete(
                specificationTask(
                        specificationReview.getId(), EnterpriseSpecificationProcess.USER_REVIEW_SPECIFICATION),
                approval);
        executeJobs();
        assertThat(get("/api/enterprises/" + slug, "application/json").statusCode())
                .as("published")
                .isEqualTo(200);

        // choosing a language while logged in remembers it for their mail (user_preference)
        assertThat(get("/?lang=fr", "text/html").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select locale from user_preference where user_id = ?", String.class, userId))
                .isEqualTo("fr");

        var export = get("/me/data", "application/json");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains("\"identity\":{\"preferences\":[{\"locale\":\"fr\"");
        assertThat(get("/?lang=en", "text/html").statusCode()).isEqualTo(200);
        assertThat(export.body())
                .contains(email, "\"id\":" + downloadId, "I build houses", "Notes of " + firstName)
                .contains("\"id\":" + runId, certificateId, "Built presses with", "notification-test")
                .contains(journey.getId(), certification.getId(), "motivation", "traineeId")
                .contains("tasksAssignedOrOwned", firstName, lastName)
                .contains("consent_public_documentation_at", "Kumasi Earth Bricks", "Sold to the neighbours of")
                .contains("submittedSpecifications", "\"slug\":\"" + slug + "\"", specificationReview.getId())
                .contains("Please add photos of the press", "Photos added by " + lastName)
                .doesNotContain("\"consent_public_documentation_at\":null");

        // the search below finds the person before erasure: in domain tables and in Camunda's history
        assertThat(search(email))
                .anyMatch(hit -> hit.startsWith("manual_download.email"))
                .anyMatch(hit -> hit.startsWith("act_hi_varinst"));
        assertThat(search(lastName)).anyMatch(hit -> hit.startsWith("training_application.motivation"));
        // and in the Spanish and French names of their tasks (a task-local variable), which erasure must remove
        assertThat(jdbc.queryForObject(
                        "select count(*) from ACT_HI_VARINST where NAME_ = 'taskTexts' and TEXT_ like ?",
                        Long.class,
                        "%" + lastName + "%"))
                .isPositive();

        // ---- erase ----
        var before = metrics();
        var metricsBefore = CurrentMetrics.computeNow(context);
        assertThat(((Number) metricsBefore.get("certifiedEnterprises")).longValue())
                .isPositive();
        var page = get("/me/data/erasure", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        var wrong = postForm("/me/data/erasure", "/me/data/erasure", Map.of("confirmation", "someoneelse"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Type your user id exactly");
        var erased = postForm("/me/data/erasure", "/me/data/erasure", Map.of("confirmation", userId));
        assertThat(erased.statusCode()).isEqualTo(302);
        assertThat(erased.headers().firstValue("Location").orElseThrow()).endsWith("/?erased");
        assertThat(get("/me/data", "application/json").statusCode()).isIn(302, 401);

        // counts and sums stay: the six metrics, their months and the funnel as /api/metrics shows them
        // (a certificate revoked for erasure counts as certified until its original end of validity)
        assertThat(CurrentMetrics.computeNow(context)).isEqualTo(metricsBefore);
        assertThat(metrics()).isEqualTo(before);

        // their documentation leaves the public page, their consent is gone
        var documentationAfter = get("/enterprises/ceb-press/documentation", "text/html");
        assertThat(documentationAfter.statusCode()).isEqualTo(200);
        assertThat(documentationAfter.body())
                .doesNotContain(">Trainee " + applicationId + "<", "https://example.org/" + lastName);
        assertThat(jdbc.queryForObject(
                        "select count(*) from training_application where id = ?"
                                + " and consent_public_documentation_at is null and public_documentation_withdrawn_at is null",
                        Long.class,
                        applicationId))
                .isOne();
        assertThat(jdbc.queryForObject(
                        "select count(*) from replicated_enterprise where id = ? and consent_map = false",
                        Long.class,
                        enterpriseId))
                .isOne();
        assertThat(get("/api/map", "application/geo+json").body())
                .as("the pin is gone at once")
                .doesNotContain("Kumasi Earth Bricks");

        // their specification stays published, without its submitter; its review history is gone
        assertThat(get("/api/enterprises/" + slug, "application/json").statusCode())
                .isEqualTo(200);
        String pseudonym = jdbc.queryForObject(
                "select owner_id from replicated_enterprise where id = ?", String.class, enterpriseId);
        assertThat(jdbc.queryForObject(
                        "select submitted_by from enterprise_specification where slug = ? and status = 'PUBLISHED'",
                        String.class,
                        slug))
                .as("the same pseudonym in every table")
                .isEqualTo(pseudonym)
                .startsWith("erased");
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(specificationReview.getId())
                        .count())
                .isZero();

        var certificatePage = get("/certificates/" + certificateId, "text/html");
        assertThat(certificatePage.statusCode()).isEqualTo(200);
        assertThat(certificatePage.body())
                .contains("erased on request")
                .doesNotContain(firstName, lastName, userId, "Compressed Earth Brick Press", "Valid until");

        var badge = get("/api/certificates/" + certificateId, "application/json");
        assertThat(badge.body()).contains("revoked", "erased on request").doesNotContain("CEB-" + runId);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(journey.getId())
                        .count())
                .isZero();
        assertThat(identity.createUserQuery().userId(userId).count()).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from manual_download where id = ? and consent_map_at is null and email is null",
                        Long.class,
                        downloadId))
                .isOne();

        var found = new ArrayList<String>();
        for (String needle : List.of(email, firstName, lastName, userId)) {
            found.addAll(search(needle));
        }
        assertThat(found)
                .as("columns still holding the person's email, names or user id")
                .isEmpty();
    }

    @Test
    void adminExportsAndErasesAnAnonymousDownloaderByEmail() throws Exception {
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = "anon" + token + "@privacy.example";
        // A town of its own: other tests share the database and may use real town names.
        String city = "Tamale" + token;
        var download = postForm(
                "/enterprises/ceb-press",
                "/enterprises/ceb-press/downloads",
                Map.of("email", email, "consentFollowUp", "true", "city", city, "country", "Ghana"));
        assertThat(download.statusCode()).isEqualTo(303);
        Long downloadId =
                jdbc.queryForObject("select id from manual_download where lower(email) = ?", Long.class, email);
        transaction.executeWithoutResult(
                status -> notifications.send(email, "notification-test", Map.of("text", "queued"), Locale.ENGLISH));
        // Business keys are plain ids: a replicated enterprise may have the same number as this download.
        var followUp = runtime.createProcessInstanceQuery()
                .processDefinitionKey(FollowUpProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(downloadId))
                .singleResult();
        assertThat(followUp).isNotNull();

        assertThat(get("/admin/privacy?email=" + email, "application/json").statusCode())
                .isIn(302, 401);
        login("admin", "admin");
        var export = get("/admin/privacy?email=" + email, "application/json");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains(email, city, "\"id\":" + downloadId, followUp.getId());
        var bad = get("/admin/privacy?email=not-an-email", "application/json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Not an email address");
        var missing = postForm("/admin/privacy", "/admin/privacy/erasure", Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Give an email address or a user id");

        long downloads = downloadStatistics.countDownloads();
        var erased = postForm("/admin/privacy", "/admin/privacy/erasure", Map.of("email", email));
        assertThat(erased.statusCode()).isEqualTo(200);

        assertThat(downloadStatistics.countDownloads()).isEqualTo(downloads);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(followUp.getId())
                        .count())
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(followUp.getId())
                        .count())
                .isZero();
        var found = new ArrayList<String>(search(email));
        found.addAll(search(city));
        assertThat(found).isEmpty();
    }

    @Test
    void unsubscribingCancelsQueuedMailAndWithdrawsBothConsentsAtOnce() throws Exception {
        String email = "unsub" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "@privacy.example";
        postForm(
                "/enterprises/ceb-press",
                "/enterprises/ceb-press/downloads",
                Map.of(
                        "email",
                        email,
                        "consentFollowUp",
                        "true",
                        "consentMap",
                        "true",
                        "city",
                        "Kumasi",
                        "country",
                        "Ghana"));
        Long downloadId =
                jdbc.queryForObject("select id from manual_download where lower(email) = ?", Long.class, email);
        String token = jdbc.queryForObject(
                "select unsubscribe_token from manual_download where lower(email) = ?", String.class, email);
        assertThat(jdbc.queryForObject(
                        "select consent_map_at is not null from manual_download where id = ?",
                        Boolean.class,
                        downloadId))
                .isTrue();
        // queued and waiting for a retry, so that the dispatcher does not send it before we unsubscribe
        transaction.executeWithoutResult(status -> jdbc.update(
                "update mail_outbox set next_attempt_at = ? where id = ?",
                Timestamp.from(Instant.now().plusSeconds(3600)),
                notifications.send(email, "notification-test", Map.of("text", "queued"), Locale.ENGLISH)));
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where recipient = ? and status = 'PENDING'",
                        Long.class,
                        email))
                .isOne();

        var done = postForm("/unsubscribe/" + token, "/unsubscribe/" + token, Map.of());
        assertThat(done.statusCode()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Long.class, email))
                .isZero();
        // the unsubscribe link is the downloader's only handle: it withdraws the map consent too, and
        // records when, so the town leaves every node's map (download.DownloaderTownsOnTheMapIT)
        assertThat(jdbc.queryForObject(
                        "select count(*) from manual_download where id = ? and consent_map_at is null"
                                + " and map_consent_ended_at is not null"
                                + " and follow_up_withdrawn_at is not null and email is null",
                        Long.class,
                        downloadId))
                .isOne();
    }

    /** Every text and binary column of every table of the database, searched for the needle. */
    private List<String> search(String needle) {
        var hits = new ArrayList<String>();
        var columns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema()
                  and data_type in ('character varying', 'text', 'character', 'bytea')""");
        for (var column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String sql = "bytea".equals(column.get("data_type"))
                    ? "select count(*) from \"" + table + "\" where position(convert_to(?, 'UTF8') in \"" + name
                            + "\") > 0"
                    : "select count(*) from \"" + table + "\" where lower(\"" + name + "\") like ?";
            String argument =
                    "bytea".equals(column.get("data_type")) ? needle : "%" + needle.toLowerCase(Locale.ROOT) + "%";
            Long count = jdbc.queryForObject(sql, Long.class, argument);
            if (count != null && count > 0) {
                hits.add(table + "." + name + " holds " + needle + " (" + count + ")");
            }
        }
        assertThat(columns)
                .as("the search sees the Camunda byte arrays too")
                .anyMatch(c -> "act_ge_bytearray".equals(c.get("table_name")));
        return hits;
    }

    private Map<String, Object> metrics() {
        var metrics = new LinkedHashMap<String, Object>();
        metrics.put("countDownloads", downloadStatistics.countDownloads());
        metrics.put("downloadsByMonth", downloadStatistics.downloadsByMonth());
        metrics.put("countApplications", trainingStatistics.countApplications());
        metrics.put("countEnrolled", trainingStatistics.countEnrolled());
        metrics.put("countTrainingCompleted", trainingStatistics.countTrainingCompleted());
        metrics.put("applicationsByMonth", trainingStatistics.applicationsByMonth());
        metrics.put("countVerifiedRuns", productionStatistics.countVerifiedRuns());
        metrics.put("countProducersWithVerifiedRun", productionStatistics.countProducersWithVerifiedRun());
        metrics.put("verifiedUnitsBuilt", productionStatistics.verifiedUnitsBuilt());
        metrics.put("verifiedSalesValueByCurrency", productionStatistics.verifiedSalesValueByCurrency());
        metrics.put("verifiedUnitsByMonth", productionStatistics.verifiedUnitsByMonth());
        metrics.put("countCertifiedEnterprises", certificationStatistics.countCertifiedEnterprises());
        metrics.put("certificatesIssuedByMonth", certificationStatistics.certificatesIssuedByMonth());
        return metrics;
    }

    private void user(String id, String first, String last, String email, String group) {
        var user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(email);
        user.setPassword("pw-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private String specificationTask(String processInstanceId, String taskDefinitionKey) {
        var task = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
        assertThat(task).as(taskDefinitionKey).isNotNull();
        return task.getId();
    }

    /** The asynchronous steps (mail, issue certificate) of the whole engine; timers stay. */
    private void executeJobs() {
        for (int round = 0; round < 20; round++) {
            var jobs = management.createJobQuery().messages().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (var job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // another test's job may fail here; it is retried later, not our concern
                }
            }
        }
    }

    private static String letters(String hex) {
        return hex.chars()
                .mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
                .collect(Collectors.joining());
    }

    private void login(String user, String password) throws Exception {
        var response = postForm("/login", "/login", Map.of("username", user, "password", password));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String pagePath, String actionPath, Map<String, String> fields)
            throws Exception {
        var page = get(pagePath, "text/html");
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
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
