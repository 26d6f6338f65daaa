package org.opensourceecology.incubator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.KeycloakIntegrationTest;
import org.opensourceecology.incubator.support.KeycloakTestServer;
import org.opensourceecology.incubator.support.SignOnClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Profile keycloak against the real Keycloak server with the project's realm: OIDC sign-on through
 * Keycloak's login page into Tasklist, Camunda authorizations by Keycloak group, HTTP Basic and Bearer
 * tokens on the REST API, and users added in Keycloak reaching the engine without a restart.
 */
@KeycloakIntegrationTest
class KeycloakSignOnIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    /** The last deployment answer, for assertion messages. */
    private String lastAnswer;

    private final RestClient http = RestClient.builder()
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();

    /** The loopback address: the realm accepts redirects to 127.0.0.1 on any port (RFC 8252). */
    private String app() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void traineeLogsInThroughKeycloakAndTasklistShowsOnlyTheirTasks() throws Exception {
        String processKey = deployTaskProcess();
        String traineeTask = startWithAssignee(processKey, "trainee");
        String mentorTask = startWithAssignee(processKey, "mentor");

        var browser = new SignOnClient();
        var landing = browser.logInThrough(app() + "/camunda/app/tasklist/default/", "trainee", "trainee");
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.uri().toString()).startsWith(app() + "/camunda/app/tasklist/default/");

        var tasks = browser.getJson(app() + "/camunda/api/engine/engine/default/task?maxResults=1000");
        assertThat(tasks.statusCode()).isEqualTo(200);
        List<JsonNode> visible = list(tasks.body());
        assertThat(visible)
                .extracting(t -> t.get("id").asText())
                .contains(traineeTask)
                .doesNotContain(mentorTask);
        assertThat(visible)
                .extracting(t -> t.get("assignee").asText(null))
                .allMatch(assignee -> assignee == null || assignee.equals("trainee"));

        // The portal shares the session: the person is logged in there as the same Camunda user.
        var portal = browser.get(app() + "/");
        assertThat(portal.body()).contains("trainee");
    }

    @Test
    void mentorReachesTheTaskAssignedToThem() throws Exception {
        String task = startWithAssignee(deployTaskProcess(), "mentor");

        var browser = new SignOnClient();
        browser.logInThrough(app() + "/camunda/app/tasklist/default/", "mentor", "mentor");

        var response = browser.getJson(app() + "/camunda/api/engine/engine/default/task/" + task);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("assignee").asText()).isEqualTo("mentor");
    }

    @Test
    void traineeIsForbiddenInCockpit() {
        var browser = new SignOnClient();
        browser.logInThrough(app() + "/camunda/app/tasklist/default/", "trainee", "trainee");

        assertThat(browser.get(app() + "/camunda/app/cockpit/default/").statusCode())
                .isEqualTo(403);
    }

    @Test
    void erasureOnRequestDeletesTheKeycloakAccountToo() {
        String username = "kcerase" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakTestServer.createUser(username, "s3cret-" + username, "Erika", "Erased", "/trainees");
        var browser = new SignOnClient();
        browser.logInThrough(app() + "/login", username, "s3cret-" + username);
        assertThat(browser.getJson(app() + "/me/data").body()).contains(username + "@incubator.localhost", "Erased");

        var page = browser.get(app() + "/me/data/erasure");
        var csrf = CSRF_INPUT.matcher(page.body());
        assertThat(csrf.find()).as("the erasure form carries a CSRF token").isTrue();
        var erased =
                browser.postForm(app() + "/me/data/erasure", Map.of("_csrf", csrf.group(1), "confirmation", username));
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.uri().getQuery()).isEqualTo("erased");

        // The account, with the name, email and credentials it holds, is gone from Keycloak.
        assertThat(KeycloakTestServer.userExists(username)).isFalse();
        assertThat(SignOnClient.isKeycloakLogin(browser.get(app() + "/me/data")))
                .isTrue();
    }

    @Test
    void portalLogoutEndsTheKeycloakSessionToo() {
        var browser = new SignOnClient();
        browser.logInThrough(app() + "/camunda/app/tasklist/default/", "trainee", "trainee");
        var home = browser.get(app() + "/");
        var csrf = CSRF_INPUT.matcher(home.body());
        assertThat(csrf.find()).as("the logout form carries a CSRF token").isTrue();

        var afterLogout = browser.postForm(app() + "/logout", Map.of("_csrf", csrf.group(1)));
        assertThat(afterLogout.uri().toString()).isEqualTo(app() + "/?logout");

        // Neither the application nor Keycloak remembers the person: Tasklist leads to the login form.
        assertThat(SignOnClient.isKeycloakLogin(browser.get(app() + "/camunda/app/tasklist/default/")))
                .isTrue();
    }

    @Test
    void tasklistLogoutEndsTheKeycloakSessionToo() {
        var browser = new SignOnClient();
        browser.logInThrough(app() + "/camunda/app/tasklist/default/", "mentor", "mentor");
        // What Tasklist's "Log out" sends: a script POST with the webapps' CSRF header.
        var logout = browser.post(
                app() + "/camunda/api/admin/auth/user/default/logout",
                Map.of("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"), "Accept", "application/json"));
        assertThat(logout.statusCode()).isEqualTo(200);

        assertThat(SignOnClient.isKeycloakLogin(browser.get(app() + "/camunda/app/tasklist/default/")))
                .isTrue();
    }

    @Test
    void engineRestChecksHttpBasicAgainstKeycloak() {
        assertThat(deploy("Basic", basic("admin", "admin")))
                .as(() -> lastAnswer)
                .isEqualTo(HttpStatus.OK);
        assertThat(deploy("Basic", basic("trainee", "trainee")))
                .as(() -> lastAnswer)
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("Basic", basic("admin", "wrong-password")))
                .as(() -> lastAnswer)
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(deploy("Basic", basic("nobody" + suffix(), "nothing")))
                .as(() -> lastAnswer)
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(deploy(null, null)).as(() -> lastAnswer).isEqualTo(HttpStatus.UNAUTHORIZED);
        // The second check of the same credentials is served by the login cache.
        assertThat(deploy("Basic", basic("admin", "admin")))
                .as(() -> lastAnswer)
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void engineRestAcceptsBearerTokensOfTheRealmByRole() {
        assertThat(deploy("Bearer", accessToken("trainee", "trainee")))
                .as(() -> lastAnswer)
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("Bearer", accessToken("admin", "admin")))
                .as(() -> lastAnswer)
                .isEqualTo(HttpStatus.OK);
        assertThat(deploy("Bearer", "not-a-token")).as(() -> lastAnswer).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void jsonApiAcceptsABearerTokenOfTheRealm() {
        // An unknown enterprise: the request is authenticated and then refused by validation (422).
        String body = "{\"enterpriseSlug\":\"no-such-enterprise-" + suffix() + "\"}";
        var anonymous = http.post()
                .uri(app() + "/api/certifications")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        var withToken = http.post()
                .uri(app() + "/api/certifications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken("trainee", "trainee"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
        assertThat(withToken.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void userCreatedInKeycloakIsACandidateAtOnce() throws Exception {
        String username = "kcmentor" + suffix();
        KeycloakTestServer.createUser(username, "s3cret-" + username, "New", "Mentor", "/mentors");

        assertThat(identityService
                        .createUserQuery()
                        .userId(username)
                        .memberOfGroup(Roles.MENTORS)
                        .singleResult())
                .as("the engine finds the new mentor")
                .isNotNull();

        String processKey = deployCandidateProcess();
        var instance = runtimeService.startProcessInstanceByKey(processKey, "kc-" + username);
        String task = taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getId();
        assertThat(taskService
                        .createTaskQuery()
                        .taskCandidateUser(username)
                        .processInstanceId(instance.getId())
                        .list())
                .hasSize(1);

        // The new mentor sees the task through the REST API with their Keycloak password.
        var response = http.get()
                .uri(app() + "/engine-rest/task?candidateUser=" + username)
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basic(username, "s3cret-" + username))
                .retrieve()
                .toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list(response.getBody()))
                .extracting(t -> t.get("id").asText())
                .contains(task);
    }

    private HttpStatus deploy(String scheme, String credentials) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "keycloak-it-" + suffix());
        String key = "kcDeploy" + suffix();
        byte[] bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(key)
                        .camundaHistoryTimeToLive(1)
                        .startEvent()
                        .endEvent()
                        .done())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body.add("data", new HttpEntity<>(new ByteArrayResource(bpmn) {
            @Override
            public String getFilename() {
                return key + ".bpmn";
            }
        }));
        var request = http.post()
                .uri(app() + "/engine-rest/deployment/create")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body);
        if (scheme != null) {
            request.header(HttpHeaders.AUTHORIZATION, scheme + " " + credentials);
        }
        ResponseEntity<String> response = request.retrieve().toEntity(String.class);
        lastAnswer = response.getStatusCode() + " " + response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE) + " "
                + response.getBody();
        return HttpStatus.valueOf(response.getStatusCode().value());
    }

    private String accessToken(String username, String password) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "password");
        form.add("client_id", KeycloakTestServer.CLIENT_ID);
        form.add("client_secret", KeycloakTestServer.CLIENT_SECRET);
        form.add("username", username);
        form.add("password", password);
        form.add("scope", "openid");
        return tokenResponse(form).get("access_token").asText();
    }

    private JsonNode tokenResponse(LinkedMultiValueMap<String, String> form) {
        var response = http.post()
                .uri(KeycloakTestServer.issuer() + "/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(response.getStatusCode())
                .as("token response %s", response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private String deployTaskProcess() {
        String key = "kcTasks" + suffix();
        deployModel(
                key,
                Bpmn.createExecutableProcess(key)
                        .camundaHistoryTimeToLive(1)
                        .startEvent()
                        .userTask("work")
                        .camundaAssignee("${assignee}")
                        .endEvent()
                        .done());
        return key;
    }

    private String deployCandidateProcess() {
        String key = "kcCandidates" + suffix();
        deployModel(
                key,
                Bpmn.createExecutableProcess(key)
                        .camundaHistoryTimeToLive(1)
                        .startEvent()
                        .userTask("review")
                        .camundaCandidateGroups(Roles.MENTORS)
                        .endEvent()
                        .done());
        return key;
    }

    private void deployModel(String key, BpmnModelInstance model) {
        repositoryService
                .createDeployment()
                .addModelInstance(key + ".bpmn", model)
                .deploy();
    }

    private String startWithAssignee(String processKey, String assignee) {
        var instance = runtimeService.startProcessInstanceByKey(
                processKey, processKey + "-" + assignee, Map.of("assignee", assignee));
        return taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getId();
    }

    private static List<JsonNode> list(String json) throws Exception {
        return StreamSupport.stream(JSON.readTree(json).spliterator(), false).toList();
    }

    private static String basic(String user, String password) {
        return java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
