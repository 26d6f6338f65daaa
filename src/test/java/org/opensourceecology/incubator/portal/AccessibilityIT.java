package org.opensourceecology.incubator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opensourceecology.incubator.support.Browser;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * WCAG 2.1 AA of the public pages: axe-core (vendored in src/test/resources/axe) runs in headless
 * Chromium on each public page, in each language, and any serious or critical violation fails.
 * Pages merged later (/map, /metrics) are checked once they answer 200.
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

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver driver;
    String axe;

    @BeforeAll
    void browser() throws Exception {
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/axe/axe.min.js"))) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
        String certificate = seededCertificate();
        seededDocumentation();
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/enterprises",
                "/enterprises/ceb-press",
                "/enterprises/ceb-press/documentation",
                "/enterprises/no-such-enterprise-"
                        + UUID.randomUUID().toString().substring(0, 8),
                "/certificates/" + certificate,
                "/login",
                "/unsubscribe/unknown-token"));
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es", "fr")) {
            for (String page : pages) {
                String url = "http://localhost:" + port + page + (page.contains("?") ? "&" : "?") + "lang=" + language;
                driver.get(url);
                assertThat(driver.findElement(By.tagName("html")).getAttribute("lang"))
                        .as(url)
                        .isEqualTo(language);
                violations.addAll(axe(url));
            }
        }
        for (String later : List.of("/map", "/metrics")) {
            driver.get("http://localhost:" + port + later);
            if (!driver.findElements(By.cssSelector("main#main")).isEmpty()) {
                violations.addAll(axe(later));
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

    /** A valid certificate of its own, so the test never depends on other tests' data. */
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

    private String seededCertificate() {
        String producer = "a11y" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.update("""
                insert into certification_application (business_key, applicant_id, enterprise_slug, status, created_at)
                values (?, ?, 'ceb-press', 'CERTIFIED', ?)""", "a11y-" + producer, producer, Timestamp.from(Instant.now()));
        Long applicationId = jdbc.queryForObject(
                "select id from certification_application where business_key = ?", Long.class, "a11y-" + producer);
        String id = "a11y" + producer + "xxxxxxxxxx";
        jdbc.update(
                """
                insert into certificate (id, application_id, holder_id, enterprise_slug, operations_manual_version, scope,
                    issued_at, valid_until, status, identity_salt)
                values (?, ?, ?, 'ceb-press', '2024.1', 'Production of CEB Press machines', ?, ?, 'VALID', 'salt')""",
                id,
                applicationId,
                producer,
                Timestamp.from(Instant.now().minus(10, ChronoUnit.DAYS)),
                Timestamp.from(Instant.now().plus(355, ChronoUnit.DAYS)));
        return id;
    }
}
