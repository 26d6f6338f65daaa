package org.opensourceecology.incubator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.support.Browser;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit and Admin are served with the incubator's configuration and look (the webapps'
 * documented customisation), and a real browser shows the branded Tasklist without Camunda's
 * "migrate to Camunda 8" banner. The screenshot is the one in the README (docs/tasklist-branded.png).
 * The webapps speak the language chosen on the portal (Cockpit and Admin included, which Camunda ships
 * in English only).
 */
@IntegrationTest
class WebappBrandingIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void loggedInUsersGetTheIncubatorsWebappConfiguration() throws Exception {
        for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
            var config = get("/camunda/app/" + app + "/scripts/config.js", "trainee", "trainee");
            assertThat(config.statusCode()).as(app).isEqualTo(200);
            assertThat(config.body())
                    .as(app)
                    .contains("vendor: 'Distributive Enterprise Incubator'")
                    .contains("availableLocales: ['en', 'es', 'fr']")
                    .contains("fallbackLocale: 'en'")
                    .contains("customScripts: ['../incubator/portal']");

            var styles = get("/camunda/app/" + app + "/styles/user-styles.css", "trainee", "trainee");
            assertThat(styles.body()).as(app).contains("@import url(../../incubator/branding.css)");

            for (String language : new String[] {"es", "fr"}) {
                var locale = get("/camunda/app/" + app + "/locales/" + language + ".json", "trainee", "trainee");
                assertThat(locale.statusCode()).as(app + " " + language).isEqualTo(200);
                var labels = new ObjectMapper().readTree(locale.body()).get("labels");
                assertThat(labels.get("BANNER_CE_EOL_TEXT").asText())
                        .as(app + " " + language)
                        .isEmpty();
                assertThat(labels.size()).as(app + " " + language).isGreaterThan(30);
            }
        }
        // Camunda's original Tasklist keys are kept.
        assertThat(get("/camunda/app/tasklist/scripts/config.js", "trainee", "trainee")
                        .body())
                .contains("claimTask")
                .contains("ctrl+alt+c");
        assertThat(get("/camunda/app/incubator/branding.css", "trainee", "trainee")
                        .body())
                .contains(".ce-eol-banner")
                .contains("display: none !important");
        assertThat(get("/camunda/app/incubator/portal.js", "trainee", "trainee").body())
                .contains("const PORTAL_LOGIN = '/login'");
        assertThat(get("/img/incubator-logo.svg", null, null).body()).contains("<svg");
    }

    @Test
    void theWebappsSendAnonymousVisitorsToThePortalLogin() throws Exception {
        var tasklist = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void brandedTasklistInAHeadlessBrowser() throws Exception {
        var driver = Browser.start("en");
        try {
            String base = "http://localhost:" + port;
            Browser.logIn(driver, base, "trainee", "trainee");
            driver.get(base + "/camunda/app/tasklist/default/");
            var wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".incubator-portal-link")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-widget-header] .brand-name"), "Distributive Enterprise Incubator Tasklist"));

            assertThat(driver.findElement(By.cssSelector(".incubator-portal-link"))
                            .getAttribute("href"))
                    .isEqualTo(base + "/");
            assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")))
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
            assertThat(driver.getTitle()).contains("Distributive Enterprise Incubator");
            // The logo is the incubator's (Camunda's inline SVG is hidden).
            assertThat(driver.findElement(By.cssSelector("[cam-widget-header] .brand-logo"))
                            .getCssValue("background-image"))
                    .contains("/img/incubator-logo.svg");
            // Let the filters and task list finish loading before the picture.
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".app-splash")));
            // The task search box, in whichever of the three languages this user last chose on the portal.
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='Filter Tasks']")),
                    ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("input[placeholder='Filtrar tareas']")),
                    ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("input[placeholder='Filtrer les tâches']"))));
            wait.until(driver1 -> !driver1.getPageSource().contains("CREATION_DATE"));
            // The README's picture is refreshed only on request (-Dbrowser.docs=true), like the others.
            Path screenshot = Boolean.getBoolean("browser.docs")
                    ? Path.of("docs/tasklist-branded.png")
                    : Path.of("target/browser-screenshots/tasklist-branded.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, driver.getScreenshotAs(OutputType.BYTES));
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        } finally {
            driver.quit();
        }
    }

    @Test
    void tasklistSpeaksTheBrowsersLanguage() throws Exception {
        var driver = Browser.start("es");
        try {
            String base = "http://localhost:" + port;
            Browser.logIn(driver, base, "trainee", "trainee");
            driver.get(base + "/camunda/app/tasklist/default/");
            var wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".incubator-portal-link"), "Volver al portal"));
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[cam-widget-header] .account .dropdown-toggle")));
            driver.findElement(By.cssSelector("[cam-widget-header] .account .dropdown-toggle"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-widget-header] .account .logout"), "Cerrar sesión"));
        } finally {
            driver.quit();
        }
    }

    @Test
    void cockpitAndAdminSpeakTheLanguageChosenOnThePortal() throws Exception {
        String operator = TestUsers.create(identity, "operator", Roles.ADMINS, "example.org");
        // The browser asks for English; the person picks Spanish, then French, with the portal's switcher.
        var driver = Browser.start("en");
        try {
            String base = "http://localhost:" + port;
            Browser.logIn(driver, base, operator, TestUsers.password(operator));
            var wait = new WebDriverWait(driver, Duration.ofSeconds(90));

            driver.get(base + "/?lang=es");
            driver.get(base + "/camunda/app/cockpit/default/");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".incubator-portal-link"), "Volver al portal"));
            // The navigation and the dashboard, from cockpit/locales/es.json.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-widget-header]"), "Procesos"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("body"), "Instancias de proceso en curso"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Incidentes abiertos"));
            assertThat(driver.findElement(By.cssSelector("[cam-widget-header]")).getText())
                    .doesNotContain("Processes", "Decisions");

            driver.get(base + "/?lang=fr");
            driver.get(base + "/camunda/app/admin/default/");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".incubator-portal-link"), "Retour au portail"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-widget-header]"), "Utilisateurs"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-widget-header]"), "Groupes"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-widget-header]"), "Autorisations"));
        } finally {
            driver.quit();
        }
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
