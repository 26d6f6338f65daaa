package org.opensourceecology.incubator.portal;

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
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.download.FollowUpProcess;
import org.opensourceecology.incubator.identity.PreferredLanguages;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chosen language travels to mail on PostgreSQL: a download made from the Spanish page gets its
 * manual-link mail in Spanish (manual_download.locale), and a logged-in person's ?lang= choice is
 * stored for their mail (user_preference).
 */
@IntegrationTest
class LanguageIT {

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
    IdentityService identityService;

    @Autowired
    PreferredLanguages preferredLanguages;

    @Test
    void downloadFromTheSpanishPageIsFollowedUpInSpanish() throws Exception {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String email = "lector-" + UUID.randomUUID() + "@example.org";
        var page = browser.send(
                HttpRequest.newBuilder(uri("/enterprises/ceb-press?lang=es")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<html lang=\"es\"").contains("Descargue el Manual de Operaciones");
        var token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();

        var response = browser.send(
                HttpRequest.newBuilder(uri("/enterprises/ceb-press/downloads"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email="
                                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&consentFollowUp=true&_csrf="
                                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(303);

        var row = jdbc.queryForMap("select id, locale from manual_download where email = ?", email);
        assertThat(row.get("locale")).isEqualTo("es");
        var followUp = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(FollowUpProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(row.get("id")))
                .singleResult();
        managementService
                .createJobQuery()
                .processInstanceId(followUp.getId())
                .executable()
                .list()
                .forEach(job -> managementService.executeJob(job.getId()));

        MimeMessage mail = awaitMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Su enlace al Manual de Operaciones");
        assertThat(String.valueOf(mail.getContent()))
                .contains("gracias por descargar el Manual de Operaciones")
                .contains("Darse de baja:");
    }

    @Test
    void aLoggedInPersonsChoiceIsRememberedForTheirMail() throws Exception {
        String userId = "lang" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var user = identityService.newUser(userId);
        user.setFirstName("Amélie");
        user.setLastName("Test");
        user.setEmail(userId + "@example.org");
        user.setPassword("secret-" + userId);
        identityService.saveUser(user);
        assertThat(preferredLanguages.of(userId)).isEmpty();

        for (String language : new String[] {"es", "fr"}) {
            var page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri("/?lang=" + language))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString((userId + ":secret-" + userId)
                                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html lang=\"" + language + "\"");
            assertThat(preferredLanguages.of(userId)).contains(Locale.forLanguageTag(language));
        }
    }

    private MimeMessage awaitMailTo(String recipient) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : TestMail.server().getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(recipient)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No mail to " + recipient + " arrived");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
