package org.opensourceecology.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole application boots on PostgreSQL and deploys every process, decision and form it ships. */
@IntegrationTest
class ApplicationIT {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void runsOnPostgreSql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select current_database()", String.class))
                .isEqualTo(PostgresTestDatabase.NAME);
    }

    @Test
    void deploysEveryProcessOfTheJourney() throws IOException {
        List<String> expected = fileNames("processes", ".bpmn");
        assertThat(expected)
                .contains(
                        "distributive-enterprise-journey",
                        "immersion-training",
                        "production-run",
                        "certification",
                        "replication",
                        "enterprise-specification",
                        "operations-manual-follow-up");
        for (String key : expected) {
            assertThat(repositoryService
                            .createProcessDefinitionQuery()
                            .processDefinitionKey(key)
                            .latestVersion()
                            .count())
                    .as("process %s deployed", key)
                    .isEqualTo(1);
        }
    }

    @Test
    void deploysEveryDecisionAndForm() throws IOException {
        for (String key : fileNames("processes", ".dmn")) {
            assertThat(repositoryService
                            .createDecisionDefinitionQuery()
                            .decisionDefinitionKey(key)
                            .count())
                    .as("decision %s deployed", key)
                    .isPositive();
        }
        List<String> deployedResources = repositoryService.createDeploymentQuery().list().stream()
                .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
                .map(name -> Path.of(name).getFileName().toString())
                .toList();
        for (String form : fileNames("forms", ".form")) {
            assertThat(deployedResources).as("form %s deployed", form).contains(form + ".form");
        }
    }

    @Test
    void healthIsUp() {
        assertThat(http.getForEntity("/actuator/health", String.class).getBody())
                .contains("\"UP\"");
    }

    @Test
    void engineRestTakesHttpBasicOnly() throws Exception {
        // A user of its own: Camunda delays the next login of a user after a wrong password.
        if (identityService.createUserQuery().userId("restprobe").count() == 0) {
            var user = identityService.newUser("restprobe");
            user.setPassword("probe-password");
            identityService.saveUser(user);
        }
        assertThat(engineRest(null)).isEqualTo(401);
        assertThat(engineRest("restprobe:probe-password")).isEqualTo(200);
        assertThat(engineRest("restprobe:wrong")).isEqualTo(401);
        assertThat(engineRest("nobody:nothing")).isEqualTo(401);
    }

    private int engineRest(String credentials) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/engine-rest/engine"));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void portalPagesCarrySecurityHeaders() {
        var headers = http.getForEntity("/enterprises", String.class).getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy"))
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void errorsNeverShowInternals() {
        var response = http.getForEntity("/api/enterprises/no-such-enterprise", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).doesNotContain("Exception", "at org.");
    }

    @Test
    void seedsExampleEnterprises() {
        assertThat(jdbc.queryForList(
                        "select slug from enterprise_specification where status = 'PUBLISHED' order by slug",
                        String.class))
                .contains("ceb-press", "d3d-universal");
    }

    private static List<String> fileNames(String directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(directory))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .map(name -> name.substring(0, name.length() - suffix.length()))
                    .sorted()
                    .toList();
        }
    }
}
