package org.opensourceecology.incubator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opensourceecology.incubator.certification.CertificationProcess;
import org.opensourceecology.incubator.certification.Certifications;
import org.opensourceecology.incubator.support.Browser;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * WCAG 2.1 AA of the public pages: axe-core (vendored in src/test/resources/axe) runs in headless
 * Chromium on each public page (home, catalog, enterprise with its download form, map, a certificate
 * issued through the certification process, metrics, login, not-found and unsubscribe pages), in each
 * language, after the page's scripts have drawn the map and the charts; any serious or critical
 * violation fails. The charts and the map have text alternatives, and the map page works from the
 * keyboard.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT {

    static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(result => done(JSON.stringify(
                result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                        + v.nodes.map(n => n.target.join(' ')).join(', ')))))
                .catch(e => done('axe failed: ' + e));
            """;

    static final String CHARTS_DRAWN = "return typeof Chart !== 'undefined'"
            + " && Chart.getChart('funnel-chart') !== undefined && Chart.getChart('months-chart') !== undefined";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identity;

    @Autowired
    Certifications certifications;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    ChromeDriver driver;
    String axe;
    String certificate;
    String enterpriseOnTheMap;

    @BeforeAll
    void browserAndData() throws Exception {
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/axe/axe.min.js"))) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        certificate = issuedCertificate();
        enterpriseOnTheMap = "Tirana Blocks " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(registerOnTheMap(enterpriseOnTheMap)).isEqualTo(202);
        townOnTheMap();
        driver = Browser.start("en");
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void publicPagesHaveNoSeriousOrCriticalViolationsInAnyLanguage() {
        seededDocumentation();
        List<String> pages = List.of(
                "/",
                "/enterprises",
                "/enterprises?q=press",
                "/enterprises/ceb-press",
                "/enterprises/ceb-press/documentation",
                "/enterprises/no-such-enterprise-"
                        + UUID.randomUUID().toString().substring(0, 8),
                "/map",
                "/certificates/" + certificate,
                "/metrics",
                "/login",
                "/unsubscribe/unknown-token");
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es", "fr")) {
            for (String page : pages) {
                String url = "http://localhost:" + port + page + (page.contains("?") ? "&" : "?") + "lang=" + language;
                driver.get(url);
                assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                        .as(url)
                        .isEqualTo(language);
                waitForScripts(page);
                violations.addAll(axe(url));
            }
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void theAxeRunDoesCatchViolations() {
        driver.get("http://localhost:" + port + "/login");
        driver.executeScript("const i = document.createElement('img'); i.src = '/img/incubator-logo.svg';"
                + " document.querySelector('main').appendChild(i);");
        assertThat(axe("login with an image without alt text"))
                .singleElement()
                .asString()
                .contains("critical image-alt");
    }

    @Test
    void downloadFormErrorsAreAccessibleToo() {
        driver.get("http://localhost:" + port + "/enterprises/ceb-press?lang=es");
        // Follow-up consent without an email: the server answers with the form and its error message.
        driver.findElement(By.id("consentFollowUp")).click();
        driver.findElement(By.cssSelector("#download form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#download .error[role=alert]")));
        assertThat(driver.getPageSource()).contains("Indique una dirección de correo para recibir el seguimiento");
        assertThat(axe("download form with errors")).isEmpty();
    }

    @Test
    void everyDownloadFormControlHasALabelAndTakesTheKeyboard() {
        driver.get("http://localhost:" + port + "/enterprises/ceb-press?lang=fr");
        var controls = driver.findElements(By.cssSelector(
                "#download form input:not([type=hidden]), " + "#download form select, #download form textarea"));
        assertThat(controls).isNotEmpty();
        for (WebElement control : controls) {
            String id = control.getAttribute("id");
            assertThat(id).as(control.getAttribute("name")).isNotBlank();
            assertThat(driver.findElements(By.cssSelector("#download label[for='" + id + "']")))
                    .as("label of " + id)
                    .singleElement()
                    .satisfies(label -> assertThat(label.getText()).isNotBlank());
            assertThat(control.getAttribute("tabindex")).as(id).isNotEqualTo("-1");
        }
    }

    @Test
    void theChartsAndTheMapHaveTextAlternatives() {
        driver.get("http://localhost:" + port + "/metrics?lang=es");
        waitForScripts("/metrics");
        for (String chart : List.of("funnel", "months")) {
            // A named image for screen readers that says where the same figures are: the table right after it.
            WebElement canvas = driver.findElement(By.id(chart + "-chart"));
            assertThat(canvas.getAttribute("role")).isEqualTo("img");
            assertThat(canvas.getAttribute("aria-label")).as(chart).contains("tabla");
            assertThat(driver.findElements(By.xpath("//canvas[@id='" + chart + "-chart']/parent::div"
                            + "/following-sibling::*[1][self::table or self::p]")))
                    .as(chart + ": table (or the words 'nothing yet') right after the chart")
                    .hasSize(1);
        }
        // The table holds what the chart draws: one row per bar, with the bar's label.
        @SuppressWarnings("unchecked")
        List<String> bars = (List<String>) driver.executeScript("return Chart.getChart('funnel-chart').data.labels");
        assertThat(driver.findElements(By.cssSelector("#funnel-table tbody th")).stream()
                        .map(WebElement::getText)
                        .toList())
                .isEqualTo(bars)
                .contains("Obtuvieron la certificación");

        driver.get("http://localhost:" + port + "/map?lang=fr");
        waitForScripts("/map");
        WebElement map = driver.findElement(By.id("map"));
        assertThat(map.getAttribute("aria-label")).isNotBlank();
        // Described by the text alternative (how many enterprises, and the table under the map) and the keys.
        List<String> descriptions = List.of(map.getAttribute("aria-describedby").split("\\s+"));
        assertThat(descriptions).hasSize(2);
        assertThat(descriptions)
                .allSatisfy(id ->
                        assertThat(driver.findElement(By.id(id)).getText()).isNotBlank());
        assertThat(driver.findElement(By.id("map-keys")).getText()).contains("Tab", "Entrée");
        // Each pin is named like its row in the table under the map, in the page's language.
        WebElement pin = driver.findElement(
                By.cssSelector("#map .leaflet-marker-icon[aria-label^='" + enterpriseOnTheMap + "']"));
        assertThat(pin.getAttribute("aria-label")).contains("Tirana", "Albania", "Active");
        assertThat(driver.findElements(By.xpath("//table//th[@scope='row'][text()='" + enterpriseOnTheMap + "']")))
                .hasSize(1);
        // A town where people are learning: its own square, named with the layer's name, and a row of its own.
        WebElement town = driver.findElement(By.cssSelector("#map .map-town[aria-label^='Durrës']"));
        assertThat(town.getAttribute("aria-label")).contains("Albanie", "Lieux où l’on apprend");
        assertThat(town.getAttribute("tabindex")).isEqualTo("0");
        assertThat(driver.findElements(By.xpath("//table[@id='towns-table']//th[@scope='row'][text()='Durrës']")))
                .hasSize(1);
    }

    @Test
    void aKeyboardUserCanUseTheMap() {
        driver.get("http://localhost:" + port + "/map?lang=en");
        waitForScripts("/map");
        // Tab from the top of the page reaches the map, its zoom buttons and the pins.
        List<String> reached = new ArrayList<>();
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        for (int i = 0; i < 60; i++) {
            WebElement focused = driver.switchTo().activeElement();
            reached.add(describe(focused));
            focused.sendKeys(Keys.TAB);
        }
        assertThat(reached).anyMatch(s -> s.startsWith("div#map."));
        assertThat(reached).anyMatch(s -> s.contains("leaflet-control-zoom-in"));
        assertThat(reached).anyMatch(s -> s.contains("leaflet-marker-icon"));

        // Enter on "Zoom in" zooms in: the scale under the map shows a shorter distance.
        String scale = driver.findElement(By.cssSelector("#map .leaflet-control-scale-line"))
                .getText();
        driver.findElement(By.cssSelector("#map .leaflet-control-zoom-in")).sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.cssSelector("#map .leaflet-control-scale-line"))
                        .getText()
                        .equals(scale));

        // Enter on a pin opens its popup, with the same words as its row in the table.
        WebElement pin = driver.findElement(
                By.cssSelector("#map .leaflet-marker-icon[aria-label^='" + enterpriseOnTheMap + "']"));
        pin.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#map .leaflet-popup-content"), enterpriseOnTheMap));
        assertThat(driver.findElement(By.cssSelector("#map .leaflet-popup-content"))
                        .getText())
                .contains("Tirana, Albania", "Active");
    }

    private static String describe(WebElement element) {
        return element.getTagName() + "#" + element.getAttribute("id") + "." + element.getAttribute("class");
    }

    /** The map draws its controls and pins, the metrics page its charts, before axe looks at them. */
    private void waitForScripts(String page) {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        if (page.startsWith("/map")) {
            wait.until(d -> !d.findElements(By.cssSelector("#map .leaflet-control-zoom-in"))
                    .isEmpty());
            wait.until(d ->
                    !d.findElements(By.cssSelector("#map .leaflet-marker-icon")).isEmpty());
        } else if (page.startsWith("/metrics")) {
            wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(CHARTS_DRAWN)));
        }
    }

    private List<String> axe(String where) {
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript(AXE_RUN);
        String json = String.valueOf(result);
        assertThat(json).as(where).startsWith("[");
        if ("[]".equals(json)) {
            return List.of();
        }
        return List.of(where + " -> " + json);
    }

    /** A trainee's signed-off milestone shared with consent, so the documentation page has content. */
    private void seededDocumentation() {
        String trainee = "a11y" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instant now = Instant.now();
        jdbc.update("""
                insert into training_application (trainee_id, enterprise_slug, motivation, city, country, status,
                    submitted_at, consent_public_documentation_at)
                values (?, 'ceb-press', 'Accessibility check', 'Tamale', 'Ghana', 'ENROLLED', ?, ?)""", trainee, Timestamp.from(now), Timestamp.from(now));
        Long applicationId =
                jdbc.queryForObject("select id from training_application where trainee_id = ?", Long.class, trainee);
        Long milestoneId = jdbc.queryForObject("""
                select m.id from curriculum_milestone m join curriculum c on c.id = m.curriculum_id
                where c.enterprise_slug = 'ceb-press' and m.position = 0 order by c.version desc limit 1""", Long.class);
        jdbc.update(
                """
                insert into milestone_submission (application_id, milestone_id, attempt, evidence_urls, notes, status,
                    submitted_at, decided_at)
                values (?, ?, 1, ?, 'Extinguisher and first-aid kit are on the wall.', 'SIGNED_OFF', ?, ?)""",
                applicationId,
                milestoneId,
                "https://wiki.opensourceecology.org/wiki/Tamale_shop\nphoto album on the shop wall",
                Timestamp.from(now),
                Timestamp.from(now));
    }

    /**
     * A certificate issued the way every certificate is: a producer with a verified production run
     * applies, a certifier certifies, the issue job runs.
     */
    private String issuedCertificate() {
        String producer = TestUsers.create(identity, "a11y", "trainees", "example.org");
        jdbc.update(
                """
                insert into production_run (producer_id, enterprise_slug, mentor_id, planned_units, status, units_built,
                    unit_cost, unit_price, units_sold, currency, documentation_url, qc_pass_rate, created_at, recorded_at,
                    verified_at, verified_by)
                values (?, 'ceb-press', 'mentor', 3, 'VERIFIED', 3, 3000, 4500, 2, 'EUR',
                    'https://wiki.opensourceecology.org/wiki/CEB_build', 1.0, ?, ?, ?, 'mentor')""",
                producer,
                Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
        Long runId = jdbc.queryForObject("select id from production_run where producer_id = ?", Long.class, producer);
        for (int i = 1; i <= 3; i++) {
            jdbc.update(
                    "insert into production_unit (run_id, serial_number) values (?, ?)",
                    runId,
                    "CEB-" + producer + "-" + i);
            jdbc.update("""
                    insert into qc_check (unit_id, criterion, passed, measurement)
                    select id, 'Frame squareness', true, '2 mm' from production_unit where run_id = ? and serial_number = ?""", runId, "CEB-" + producer + "-" + i);
        }
        String businessKey = certifications.apply(producer, "ceb-press", "Built presses for our village.");
        var instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        var review = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(CertificationProcess.USER_REVIEW_CERTIFICATION)
                .singleResult();
        tasks.claim(review.getId(), "certifier");
        var decision = CertificationProcess.REVIEW_DECISION.with(CertificationProcess.REVIEW_CERTIFY);
        CertificationProcess.REVIEW_COMMENT.putIn(decision, "Three good units.");
        tasks.complete(review.getId(), decision);
        var issue = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(CertificationProcess.SERVICE_ISSUE_CERTIFICATE)
                .singleResult();
        management.executeJob(issue.getId());
        return CertificationProcess.CERTIFICATE_ID
                .from(runtime.getVariables(instance.getId()))
                .orElseThrow();
    }

    /** A download whose downloader agreed to show their town, so the map has a town where people are learning. */
    private void townOnTheMap() {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "insert into manual_download (specification_slug, downloaded_at, city, country, consent_map_at)"
                        + " values ('ceb-press', ?, 'Durrës', 'Albania', ?)",
                now,
                now);
    }

    /** A replicated enterprise that consents to the map, registered through the API as its owner would. */
    private int registerOnTheMap(String name) throws Exception {
        String json = "{\"name\":\"" + name + "\",\"enterpriseSlug\":\"ceb-press\",\"city\":\"Tirana\","
                + "\"country\":\"Albania\",\"latitude\":41.33,\"longitude\":19.82,\"consentMap\":true}";
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/replications"))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("trainee:trainee".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
