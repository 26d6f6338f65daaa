package org.opensourceecology.incubator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opensourceecology.incubator.IncubatorApplication;
import org.opensourceecology.incubator.support.KeycloakOutage;
import org.opensourceecology.incubator.support.KeycloakTestServer;
import org.opensourceecology.incubator.support.PostgresTestDatabase;
import org.opensourceecology.incubator.support.SignOnClient;
import org.opensourceecology.incubator.support.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #8, Keycloak down: a node of profile keycloak that starts while Keycloak does not answer,
 * serves the public pages, says clearly that logging in is not possible and reports Keycloak DOWN in
 * its health (while staying ready for the load balancer), and signs people on again as soon as Keycloak
 * is back, without a restart. People already signed on keep working through an outage.
 *
 * <p>The node is a Spring context of its own (its own engine name, no webapps), started while its
 * Keycloak address refuses every connection ({@link KeycloakOutage}); every test sets the state of
 * Keycloak it needs, so the tests run in any order.
 */
@Timeout(120)
class KeycloakOutageIT {

    private static final String ENTERPRISE = "ceb-press";
    private static final String ENTERPRISE_NAME = "Compressed Earth Brick Press";

    static KeycloakOutage keycloak;
    static ConfigurableApplicationContext node;
    static String app;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeAll
    static void startTheNodeWhileKeycloakIsDown() {
        keycloak = KeycloakOutage.begun();
        node = new SpringApplicationBuilder(IncubatorApplication.class)
                .initializers(new PostgresTestDatabase(), new TestMail())
                .run(
                        "--spring.profiles.active=keycloak",
                        "--incubator.identity.keycloak.url=" + keycloak.url(),
                        "--server.port=0",
                        // Engines register JVM-wide by name; the other test contexts keep "default".
                        "--camunda.bpm.process-engine-name=keycloakoutage",
                        // Camunda's webapp filters keep the last started context in a static field.
                        "--camunda.bpm.webapp.enabled=false",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--incubator.rate-limit.requests-per-window=100000",
                        "--spring.jmx.enabled=false");
        assertThat(keycloak.isOngoing()).as("the node started without Keycloak").isTrue();
        // The loopback address: the realm accepts redirects to 127.0.0.1 on any port (RFC 8252).
        app = "http://127.0.0.1:"
                + ((WebServerApplicationContext) node).getWebServer().getPort();
        // The real server behind the outage's address, started once per test run (not in a test's time).
        KeycloakTestServer.url();
    }

    @AfterAll
    static void stopTheNode() {
        if (node != null) {
            node.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void publicPagesKeepWorkingWhileKeycloakIsDown() throws Exception {
        // Never looked up before, so no cache of the identity plugin knows the name.
        var producer = certifiedProducer();
        String certificateId = producer.certificateId();
        keycloak.begin();

        assertPage("/", "Replicate an open enterprise in your town");
        assertPage("/enterprises", ENTERPRISE_NAME);
        assertPage("/map", "id=\"map\"");
        assertPage("/metrics", "Operations Manual downloads");
        assertThat(get("/api/enterprises/" + ENTERPRISE, "en").statusCode()).isEqualTo(200);
        // Names of people live in Keycloak: the pages say that they cannot show them and show the rest.
        assertPage("/enterprises/" + ENTERPRISE, ENTERPRISE_NAME);
        assertThat(get("/enterprises/" + ENTERPRISE, "en").body())
                .contains("href=\"/certificates/" + certificateId + "\">A certified producer (name not available");
        assertPage("/certificates/" + certificateId, "data-status=\"VALID\"");
        assertThat(get("/certificates/" + certificateId, "es").body())
                .contains(ENTERPRISE_NAME, "data-holder=\"unavailable\"", "Ahora mismo no se puede mostrar el nombre");
        // The Open Badges credential must name its holder: it is not issued incomplete, but refused for now.
        var badge = get("/api/certificates/" + certificateId, "en");
        assertThat(badge.statusCode()).isEqualTo(503);
        assertThat(badge.body()).contains("does not answer right now");
        assertNoTechnicalDetails(badge.body());
    }

    @Test
    void loggingInShowsAClearErrorPageInThePersonsLanguage() throws Exception {
        keycloak.begin();

        var home = get("/", "en");
        assertThat(home.body()).as("the home page offers to log in").contains("href=\"/login\"");

        var english = get("/login", "en");
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.body())
                .contains("Logging in is not possible right now")
                .contains("Public pages keep working");
        assertNoTechnicalDetails(english.body());

        var french = get("/login", "fr-FR,fr;q=0.9");
        assertThat(french.statusCode()).isEqualTo(503);
        assertThat(french.body())
                .contains("La connexion est impossible pour le moment")
                .contains("lang=\"fr\"");
        assertNoTechnicalDetails(french.body());

        var spanish = get("/login", "es");
        assertThat(spanish.body()).contains("Ahora mismo no es posible iniciar sesión");

        // A page that needs a login leads there too, instead of to an address that does not answer.
        var protectedPage = get("/me/journey", "en");
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        var afterRedirect = new SignOnClient().get(app + "/me/journey");
        assertThat(afterRedirect.statusCode()).isEqualTo(503);
        assertThat(afterRedirect.uri().getPath()).isEqualTo("/login");

        // So does a bookmarked start of the Keycloak login.
        var loginStart = get("/oauth2/authorization/keycloak", "en");
        assertThat(loginStart.statusCode()).isEqualTo(302);
        assertThat(loginStart.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void healthReportsKeycloakDownWhileTheNodeStaysReady() throws Exception {
        keycloak.begin();

        var health = get("/actuator/health", "en");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body())
                .startsWith("{\"status\":\"DOWN\"")
                .contains("\"keycloak\":{\"status\":\"DOWN\"}", "\"db\":{\"status\":\"UP\"}")
                .as("details only for admins")
                .doesNotContain("issuer", "Connection refused");
        var keycloakHealth = get("/actuator/health/keycloak", "en");
        assertThat(keycloakHealth.statusCode()).isEqualTo(503);
        assertThat(keycloakHealth.body()).contains("\"status\":\"DOWN\"");
        // The public pages work: a load balancer must keep sending people to this node.
        var readiness = get("/actuator/health/readiness", "en");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void signingOnWorksAgainWhenKeycloakIsBackAndSurvivesTheNextOutage() throws Exception {
        var producer = certifiedProducer();
        String holder = producer.holder();
        String certificateId = producer.certificateId();
        keycloak.begin();
        assertThat(get("/login", "en").statusCode()).isEqualTo(503);

        keycloak.end();

        var keycloakHealth = get("/actuator/health/keycloak", "en");
        assertThat(keycloakHealth.statusCode()).isEqualTo(200);
        assertThat(keycloakHealth.body()).contains("\"status\":\"UP\"");
        var browser = new SignOnClient();
        var landing = browser.logInThrough(app + "/login", holder, "s3cret-" + holder);
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.uri().toString()).isEqualTo(app + "/");
        assertThat(landing.body()).contains(holder);
        assertThat(get("/certificates/" + certificateId, "en").body()).contains("Olusegun Outage");
        assertThat(get("/api/certificates/" + certificateId, "en").statusCode()).isEqualTo(200);

        // Keycloak goes down again: the signed-on person keeps their session and their pages.
        keycloak.begin();
        var journey = browser.get(app + "/me/journey");
        assertThat(journey.statusCode()).isEqualTo(200);
        assertThat(journey.uri().getPath()).isEqualTo("/me/journey");
        var home = browser.get(app + "/");
        assertThat(home.body()).contains(holder);

        // Logging out during the outage ends the portal session and lands on the portal, not on
        // Keycloak's end-session address that does not answer.
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(home.body());
        assertThat(csrf.find()).as("the logout form carries a CSRF token").isTrue();
        var afterLogout = browser.postForm(app + "/logout", Map.of("_csrf", csrf.group(1)));
        assertThat(afterLogout.uri().toString()).isEqualTo(app + "/?logout");
        assertThat(afterLogout.statusCode()).isEqualTo(200);
        assertThat(afterLogout.body()).doesNotContain(holder);
        assertThat(browser.get(app + "/me/journey").uri().getPath()).isEqualTo("/login");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void assertPage(String path, String content) throws Exception {
        var page = get(path, "en");
        assertThat(page.statusCode()).as("GET %s: %s", path, page.body()).isEqualTo(200);
        assertThat(page.body()).as("GET %s", path).contains(content);
        assertNoTechnicalDetails(page.body());
    }

    private static void assertNoTechnicalDetails(String body) {
        assertThat(body).doesNotContain("Exception", "at org.", "Whitelabel");
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app + path))
                .header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
                .header("Accept-Language", language)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    record CertifiedProducer(String holder, String certificateId) {}

    /**
     * A trainee of the realm (name Olusegun Outage, password s3cret-&lt;user name&gt;) with a valid
     * certificate for the enterprise, as the certification process leaves it: their name lives only in
     * Keycloak and shows on the enterprise's and the certificate's pages.
     */
    private static CertifiedProducer certifiedProducer() {
        String holderId = "kcholder" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakTestServer.createUser(holderId, "s3cret-" + holderId, "Olusegun", "Outage", "/trainees");
        var jdbc = node.getBean(JdbcTemplate.class);
        Timestamp now = Timestamp.from(Instant.now());
        String businessKey = "kc-outage-" + holderId;
        jdbc.update(
                "insert into certification_application (business_key, applicant_id, enterprise_slug, status,"
                        + " created_at, decided_at, decided_by) values (?, ?, ?, 'CERTIFIED', ?, ?, 'certifier')",
                businessKey,
                holderId,
                ENTERPRISE,
                now,
                now);
        Long applicationId = jdbc.queryForObject(
                "select id from certification_application where business_key = ?", Long.class, businessKey);
        String id = "kcoutage" + UUID.randomUUID().toString().replace("-", "");
        jdbc.update(
                """
                insert into certificate (id, application_id, holder_id, enterprise_slug, operations_manual_version, scope,
                    issued_at, valid_until, status, identity_salt)
                values (?, ?, ?, ?, '2024.1', 'Production of CEB Press machines', ?, ?, 'VALID', 'salt')""",
                id,
                applicationId,
                holderId,
                ENTERPRISE,
                Timestamp.from(Instant.now().minus(10, ChronoUnit.DAYS)),
                Timestamp.from(Instant.now().plus(355, ChronoUnit.DAYS)));
        return new CertifiedProducer(holderId, id);
    }
}
