package org.opensourceecology.incubator.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.IncubatorApplication;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.PostgresTestDatabase;
import org.opensourceecology.incubator.support.TestMail;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Deployments exactly as Camunda Modeler sends them to {@code /engine-rest/deployment/create}: an
 * admin's creates a new version, a trainee's is refused, an invalid diagram is refused with the
 * parser's message, and a restart never replaces the admin's version with the bundled copy.
 */
@IntegrationTest
class ModelerRoundTripIT {

    static final Path JOURNEY = Path.of("processes", JourneyProcess.KEY + ".bpmn");
    static final Path START_FORM = Path.of("forms", "apply-for-training.form");

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void adminDeploysANewVersionThatSurvivesARestart() throws Exception {
        int bundledVersion = latestJourneyVersion();
        String changed = Files.readString(JOURNEY)
                .replace(
                        "name=\"Distributive Enterprise journey\"",
                        "name=\"Distributive Enterprise journey (edited)\"");

        var response = deployAsModeler("admin:admin", changed);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"deployedProcessDefinitions\"");
        assertThat(latestJourneyVersion()).isEqualTo(bundledVersion + 1);
        assertThat(latestJourneyName()).isEqualTo("Distributive Enterprise journey (edited)");

        // A node restarting (or a new node joining) must not redeploy the older bundled copy on top.
        // Its engine gets a name of its own: engines register JVM-wide, and closing a second "default"
        // would take the engine away from this test context's REST API.
        try (var restarted = new SpringApplicationBuilder(IncubatorApplication.class)
                .initializers(new PostgresTestDatabase(), new TestMail())
                .run(
                        "--server.port=0",
                        "--camunda.bpm.process-engine-name=restarted",
                        // Camunda's webapp filters keep the last started context in a static field.
                        "--camunda.bpm.webapp.enabled=false",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.jmx.enabled=false")) {
            assertThat(latestJourneyVersion()).isEqualTo(bundledVersion + 1);
            assertThat(latestJourneyName()).isEqualTo("Distributive Enterprise journey (edited)");
        }
    }

    @Test
    void traineeMayNotDeploy() throws Exception {
        var response = deployAsModeler("trainee:trainee", Files.readString(JOURNEY));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
        assertThat(response.getBody()).contains("AuthorizationException");
    }

    @Test
    void invalidDiagramIsRefusedWithTheParsersMessage() throws Exception {
        String broken = Files.readString(JOURNEY)
                .replaceFirst("targetRef=\"service_register_application\"", "targetRef=\"no_such_element\"");

        var response = deployAsModeler("admin:admin", broken);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("no_such_element");
        assertThat(response.getBody()).containsIgnoringCase("pars");
    }

    @Test
    void deployingWithoutCredentialsIsUnauthorized() throws Exception {
        var response = deployAsModeler(null, Files.readString(JOURNEY));

        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }

    private ResponseEntity<String> deployAsModeler(String credentials, String bpmn) throws Exception {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("deployment-name", JourneyProcess.KEY);
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", "true");
        form.add(JOURNEY.getFileName().toString(), file(JOURNEY.getFileName().toString(), bpmn));
        form.add(
                START_FORM.getFileName().toString(),
                file(START_FORM.getFileName().toString(), Files.readString(START_FORM)));
        var request = RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .build()
                .post()
                .uri("/engine-rest/deployment/create")
                .contentType(MediaType.MULTIPART_FORM_DATA);
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.body(form)
                .retrieve()
                .onStatus(status -> true, (req, res) -> {})
                .toEntity(String.class);
    }

    private static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private int latestJourneyVersion() {
        return repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(JourneyProcess.KEY)
                .latestVersion()
                .singleResult()
                .getVersion();
    }

    private String latestJourneyName() {
        return repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(JourneyProcess.KEY)
                .latestVersion()
                .singleResult()
                .getName();
    }
}
