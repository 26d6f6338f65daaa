package org.opensourceecology.incubator.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * An admin migrates a running journey to a version deployed from Camunda Modeler, with the documented
 * REST calls ({@code /engine-rest/migration/generate} and {@code /migration/execute}, see
 * processes/README.md); a trainee may not.
 */
@IntegrationTest
class JourneyMigrationIT {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Test
    void adminMigratesARunningJourneyToTheNewVersionAtTheSameActivity() throws Exception {
        String source = latestJourneyDefinitionId();
        String instanceId = startJourney(source);
        assertThat(runtimeService.getActiveActivityIds(instanceId))
                .containsExactly(JourneyProcess.CALL_IMMERSION_TRAINING);

        String changed = Files.readString(ModelerRoundTripIT.JOURNEY)
                .replace(
                        "name=\"Distributive Enterprise journey\"",
                        "name=\"Distributive Enterprise journey (migration " + System.nanoTime() + ")\"");
        var deployment = deployAsAdmin(changed);
        assertThat(deployment.getStatusCode().value()).as(deployment.getBody()).isEqualTo(200);
        String target = latestJourneyDefinitionId();
        assertThat(target).isNotEqualTo(source);

        String plan = post(
                        "admin:admin",
                        "/engine-rest/migration/generate",
                        "{\"sourceProcessDefinitionId\": \"" + source + "\", \"targetProcessDefinitionId\": \"" + target
                                + "\", \"updateEventTriggers\": true}")
                .getBody();
        assertThat(plan).contains("\"instructions\"").contains(JourneyProcess.CALL_IMMERSION_TRAINING);

        var forbidden = post("trainee:trainee", "/engine-rest/migration/execute", execute(plan, instanceId));
        assertThat(forbidden.getStatusCode().value()).as(forbidden.getBody()).isEqualTo(403);
        assertThat(processDefinitionOf(instanceId)).isEqualTo(source);

        var executed = post("admin:admin", "/engine-rest/migration/execute", execute(plan, instanceId));
        assertThat(executed.getStatusCode().value()).as(executed.getBody()).isEqualTo(204);

        assertThat(processDefinitionOf(instanceId)).isEqualTo(target);
        assertThat(runtimeService.getActiveActivityIds(instanceId))
                .containsExactly(JourneyProcess.CALL_IMMERSION_TRAINING);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .superProcessInstanceId(instanceId)
                        .count())
                .as("the immersion training it called keeps running")
                .isOne();
    }

    private String startJourney(String definitionId) {
        var variables = Variables.createVariables();
        JourneyProcess.ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        JourneyProcess.MOTIVATION.putIn(variables, "I want to build houses from local soil in my town.");
        JourneyProcess.CITY.putIn(variables, "Bamako");
        JourneyProcess.COUNTRY.putIn(variables, "Mali");
        identityService.setAuthentication("trainee", List.of(Roles.TRAINEES));
        try {
            return runtimeService
                    .startProcessInstanceById(definitionId, variables)
                    .getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static String execute(String plan, String instanceId) {
        return "{\"migrationPlan\": " + plan + ", \"processInstanceIds\": [\"" + instanceId
                + "\"], \"skipCustomListeners\": false, \"skipIoMappings\": false}";
    }

    private String processDefinitionOf(String instanceId) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getProcessDefinitionId();
    }

    private String latestJourneyDefinitionId() {
        return repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(JourneyProcess.KEY)
                .latestVersion()
                .singleResult()
                .getId();
    }

    private ResponseEntity<String> post(String credentials, String path, String json) {
        return client().post()
                .uri(path)
                .header("Authorization", basic(credentials))
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .onStatus(status -> true, (req, res) -> {})
                .toEntity(String.class);
    }

    private ResponseEntity<String> deployAsAdmin(String bpmn) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("deployment-name", JourneyProcess.KEY);
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", "true");
        String name = ModelerRoundTripIT.JOURNEY.getFileName().toString();
        form.add(name, new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return client().post()
                .uri("/engine-rest/deployment/create")
                .header("Authorization", basic("admin:admin"))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .onStatus(status -> true, (req, res) -> {})
                .toEntity(String.class);
    }

    private RestClient client() {
        return RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .build();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
