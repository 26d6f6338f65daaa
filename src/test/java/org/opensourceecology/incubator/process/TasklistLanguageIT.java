package org.opensourceecology.incubator.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.PreferredLanguages;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.PortalClient;
import org.opensourceecology.incubator.support.TestUsers;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What Tasklist fetches from the engine API, in the language a trainee chose on the portal: the
 * Camunda Form of their milestone task, its name and description in the task list (as Tasklist asks
 * for it: a saved filter's list in HAL) and in the task's own resource, and the start form of the
 * journey, the saved filters' names; and the mail that announces a task names it in the recipient's
 * language. English by default; the browser's language when nothing was chosen.
 */
@IntegrationTest
class TasklistLanguageIT {

    static final String ENGINE = "/camunda/api/engine/engine/default";
    static final String MILESTONE = "Safety and shop orientation";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    FilterService filterService;

    @Autowired
    PreferredLanguages preferredLanguages;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    String trainee;
    Task milestone;

    @BeforeEach
    void aTraineeWithAMilestoneToComplete() {
        trainee = TestUsers.create(identityService, "langtrn", Roles.TRAINEES, "language.example");
        milestone = milestoneOf(trainee);
        assertThat(milestone.getName()).isEqualTo("Complete milestone: " + MILESTONE + " (ceb-press)");
    }

    @Test
    void theMailAboutANewTaskNamesItInTheRecipientsLanguage() {
        String spanish = TestUsers.create(identityService, "langmail", Roles.TRAINEES, "language.example");
        preferredLanguages.remember(spanish, Locale.forLanguageTag("es"));

        Task task = milestoneOf(spanish);

        assertThat(jdbc.queryForList(
                        "select body from mail_outbox where recipient = ? and template = 'training-task-assigned'",
                        String.class,
                        spanish + "@language.example"))
                .singleElement()
                .asString()
                .contains("una tarea le espera", "  Completar el hito: " + MILESTONE + " (ceb-press)\n")
                .contains("?task=" + task.getId())
                .doesNotContain(task.getName());
    }

    /** The trainee's application, accepted by a new mentor: the trainee's first milestone task. */
    private Task milestoneOf(String trainee) {
        String mentor = TestUsers.create(identityService, "langmnt", Roles.MENTORS, "language.example");
        var variables = Variables.createVariables();
        JourneyProcess.ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        JourneyProcess.MOTIVATION.putIn(variables, "Bricks from the soil of our own village.");
        JourneyProcess.CITY.putIn(variables, "Cusco");
        JourneyProcess.COUNTRY.putIn(variables, "Peru");
        identityService.setAuthentication(trainee, List.of(Roles.TRAINEES));
        String instanceId;
        try {
            instanceId = runtimeService
                    .startProcessInstanceByKey(JourneyProcess.KEY, variables)
                    .getId();
        } finally {
            identityService.clearAuthentication();
        }
        String businessKey = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getBusinessKey();
        taskService.complete(
                task(businessKey, USER_REVIEW_APPLICATION).getId(),
                MENTOR_OVERRIDE.putIn(REVIEW_DECISION.with(ACCEPT), mentor));
        return task(businessKey, USER_COMPLETE_MILESTONE);
    }

    @Test
    void aTraineeWhoChoseSpanishOnThePortalGetsSpanishFormsAndTaskNames() throws Exception {
        var browser = new PortalClient(port).login(trainee);

        // English until the trainee chooses (the client's Accept-Language is English or absent)
        JsonNode english = json(fromTasklist(browser, ENGINE + "/task/" + milestone.getId() + "/deployed-form"));
        assertThat(label(english, "evidenceUrls")).isEqualTo("Links to your evidence (one per line)");
        assertThat(json(fromTasklist(browser, ENGINE + "/task/" + milestone.getId()))
                        .get("name")
                        .asText())
                .isEqualTo(milestone.getName());

        assertThat(browser.get("/?lang=es").statusCode()).isEqualTo(200);
        assertThat(browser.cookie("incubator-lang")).hasValue("es");

        HttpResponse<String> form = fromTasklist(browser, ENGINE + "/task/" + milestone.getId() + "/deployed-form");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Language")).hasValue("es");
        assertThat(form.headers().allValues("Vary")).anyMatch(vary -> vary.contains("Accept-Language"));
        JsonNode spanish = json(form);
        assertThat(spanish.at("/components/0/text").asText()).startsWith("## Completar un hito\n\n");
        assertThat(label(spanish, "evidenceUrls")).isEqualTo("Enlaces a su evidencia (uno por línea)");
        assertThat(label(spanish, "hoursSpent")).isEqualTo("Horas dedicadas");
        assertThat(component(spanish, "evidenceUrls").at("/validate/required").asBoolean())
                .as("only texts change")
                .isTrue();

        JsonNode task = json(fromTasklist(browser, ENGINE + "/task/" + milestone.getId()));
        assertThat(task.get("name").asText()).isEqualTo("Completar el hito: " + MILESTONE + " (ceb-press)");
        assertThat(task.get("description").asText())
                .startsWith("Hito " + MILESTONE + " de la formación de inmersión de Given " + trainee);

        // The task list as Tasklist loads it: a saved filter's page, in HAL, with a CSRF header.
        String filterId = filterService
                .createFilterQuery()
                .filterName("My milestones")
                .singleResult()
                .getId();
        HttpResponse<String> page = browser.send(
                "POST",
                ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                Map.of(
                        "Accept",
                        "application/hal+json, application/json; q=0.5",
                        "Referer",
                        tasklistPage(),
                        "Content-Type",
                        "application/json",
                        "X-XSRF-TOKEN",
                        browser.cookie("XSRF-TOKEN").orElseThrow()),
                "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode listed = StreamSupport.stream(json(page).at("/_embedded/task").spliterator(), false)
                .filter(t -> t.get("id").asText().equals(milestone.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("name").asText()).isEqualTo("Completar el hito: " + MILESTONE + " (ceb-press)");

        // The saved filters beside the list: their names and the labels of the variables they show.
        JsonNode filters = json(fromTasklist(browser, ENGINE + "/filter?resourceType=Task&itemCount=true"));
        JsonNode mine = StreamSupport.stream(filters.spliterator(), false)
                .filter(filter -> filter.get("id").asText().equals(filterId))
                .findFirst()
                .orElseThrow();
        assertThat(mine.get("name").asText()).isEqualTo("Mis hitos");
        assertThat(mine.at("/properties/variables").findValuesAsText("label")).contains("Hito", "Vence");

        // The "Start process" dialog: the processes a trainee may start, by name.
        JsonNode startable = json(fromTasklist(
                browser,
                ENGINE
                        + "/process-definition?latest=true&active=true&startableInTasklist=true"
                        + "&startablePermissionCheck=true&firstResult=0&maxResults=15"));
        // Other tests of the shared context may deploy a renamed journey (the Modeler round trip): a name
        // that differs from the bundled English is shown as written, never with an old translation.
        String latestJourneyName = repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(JourneyProcess.KEY)
                .latestVersion()
                .singleResult()
                .getName();
        assertThat(startable.findValuesAsText("name"))
                .contains(
                        "Distributive Enterprise journey".equals(latestJourneyName)
                                ? "Recorrido de Empresa Distributiva"
                                : latestJourneyName)
                .contains("Certificación");

        // The start form of a new journey, as Tasklist's "Start process" opens it.
        JsonNode startForm = json(fromTasklist(
                browser, ENGINE + "/process-definition/key/" + JourneyProcess.KEY + "/deployed-start-form"));
        assertThat(label(startForm, "motivation")).isEqualTo("¿Por qué quiere replicar esta empresa?");
    }

    @Test
    void changingADueDateInSpanishKeepsTheTasksEnglishName() throws Exception {
        String admin = TestUsers.create(identityService, "langadm", Roles.ADMINS, "language.example");
        var browser = new PortalClient(port).login(admin);
        browser.get("/?lang=es");

        // What Tasklist does when someone picks a due date: the task it shows, sent back whole.
        var shown = (ObjectNode) json(fromTasklist(browser, ENGINE + "/task/" + milestone.getId()));
        assertThat(shown.get("name").asText()).startsWith("Completar el hito: ");
        // (Camunda 7.24 cannot read back the camundaFormRef it writes, so Tasklist's own date change fails
        // for Camunda Forms tasks; a client that leaves it out is what can rename a task.)
        shown.remove(List.of("_links", "_embedded", "camundaFormRef"));
        shown.put("due", "2027-01-15T12:00:00.000+0000");
        HttpResponse<String> update = browser.send(
                "PUT",
                ENGINE + "/task/" + milestone.getId(),
                Map.of(
                        "Content-Type",
                        "application/json",
                        "X-XSRF-TOKEN",
                        browser.cookie("XSRF-TOKEN").orElseThrow()),
                json.writeValueAsString(shown));
        assertThat(update.statusCode()).as(update.body()).isEqualTo(204);

        Task stored = taskService.createTaskQuery().taskId(milestone.getId()).singleResult();
        assertThat(stored.getName()).isEqualTo(milestone.getName());
        assertThat(stored.getDescription()).isEqualTo(milestone.getDescription());
        assertThat(stored.getDueDate().toInstant()).isEqualTo(Instant.parse("2027-01-15T12:00:00Z"));
        assertThat(json(fromTasklist(browser, ENGINE + "/task/" + milestone.getId()))
                        .get("name")
                        .asText())
                .startsWith("Completar el hito: ");
    }

    @Test
    void withoutAChoiceTheBrowsersLanguageDecides() throws Exception {
        var browser = new PortalClient(port).login(trainee);
        HttpResponse<String> form = browser.send(
                "GET",
                ENGINE + "/task/" + milestone.getId() + "/deployed-form",
                Map.of(
                        "Accept",
                        "application/json",
                        "Accept-Language",
                        "fr-CA,fr;q=0.9,en;q=0.5",
                        "Referer",
                        tasklistPage()),
                null);
        assertThat(label(json(form), "evidenceUrls")).isEqualTo("Liens vers vos preuves (un par ligne)");

        HttpResponse<String> german = browser.send(
                "GET",
                ENGINE + "/task/" + milestone.getId(),
                Map.of("Accept", "application/json", "Accept-Language", "de", "Referer", tasklistPage()),
                null);
        assertThat(json(german).get("name").asText()).isEqualTo(milestone.getName());
        assertThat(german.headers().firstValue("Content-Language")).isEmpty();
    }

    @Test
    void anotherPersonsTaskStaysForbiddenInEveryLanguage() throws Exception {
        String other = TestUsers.create(identityService, "langoth", Roles.TRAINEES, "language.example");
        var browser = new PortalClient(port).login(other);
        browser.get("/?lang=es");
        assertThat(fromTasklist(browser, ENGINE + "/task/" + milestone.getId()).statusCode())
                .isIn(403, 404);
        assertThat(fromTasklist(browser, ENGINE + "/task/" + milestone.getId() + "/deployed-form")
                        .statusCode())
                .isIn(403, 404);
    }

    @Test
    void cockpitKeepsCamundasNamesForASpanishOperator() throws Exception {
        String admin = TestUsers.create(identityService, "langops", Roles.ADMINS, "language.example");
        var browser = new PortalClient(port).login(admin);
        browser.get("/?lang=es");
        String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";

        HttpResponse<String> task = browser.send(
                "GET",
                ENGINE + "/task/" + milestone.getId(),
                Map.of("Accept", "application/json", "Referer", cockpit),
                null);
        assertThat(json(task).get("name").asText()).isEqualTo(milestone.getName());
        assertThat(json(fromTasklist(browser, ENGINE + "/task/" + milestone.getId()))
                        .get("name")
                        .asText())
                .startsWith("Completar el hito: ");
    }

    /** A request as Tasklist's page makes it (the engine API translates for Tasklist only). */
    private HttpResponse<String> fromTasklist(PortalClient browser, String path) {
        return browser.send("GET", path, Map.of("Accept", "application/json", "Referer", tasklistPage()), null);
    }

    private String tasklistPage() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    private Task task(String businessKey, String taskDefinitionKey) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String label(JsonNode form, String id) {
        return component(form, id).get("label").asText();
    }

    private static JsonNode component(JsonNode form, String id) {
        return StreamSupport.stream(form.get("components").spliterator(), false)
                .filter(component -> id.equals(component.path("id").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }
}
