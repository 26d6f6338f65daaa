package org.opensourceecology.incubator.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.PortalClient;
import org.opensourceecology.incubator.support.TestUsers;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The columns of the saved Tasklist filters (trainee, enterprise, milestone, due date), as Tasklist loads
 * a filter's page from the engine API, signed in as the person whose list it is: the mentors who may
 * review an application, the trainee, the mentor, and a mentor an admin hands a sign-off to. Camunda
 * shows a variable beside a task only to those who may read where it lives (the task or its process
 * instance), so a column can be empty for the very people the filter is for.
 */
@IntegrationTest
class TasklistColumnsIT {

    static final String ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    FilterService filterService;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void clearAuthentication() {
        identityService.clearAuthentication();
    }

    @Test
    void everyFilterShowsItsColumnsToThePeopleItIsFor() throws Exception {
        String trainee = user("coltrn", Roles.TRAINEES);
        String mentor = user("colmnt", Roles.MENTORS);
        String standIn = user("colsub", Roles.MENTORS);
        String otherMentor = user("coloth", Roles.MENTORS);
        String otherTrainee = user("colotr", Roles.TRAINEES);
        String admin = user("coladm", Roles.ADMINS);
        String businessKey = applyForTraining(trainee);
        String traineeName = "Given " + trainee;

        Task review = task(businessKey, USER_REVIEW_APPLICATION);
        assertThat(columns(mentor, "Applications to review", businessKey, review))
                .containsEntry(TRAINEE_NAME.name(), traineeName)
                .containsEntry(ENTERPRISE_SLUG.name(), "ceb-press");
        as(mentor, Roles.MENTORS, () -> {
            taskService.complete(review.getId(), MENTOR_OVERRIDE.putIn(REVIEW_DECISION.with(ACCEPT), mentor));
            return null;
        });

        Task work = task(businessKey, USER_COMPLETE_MILESTONE);
        assertThat(columns(trainee, "My milestones", businessKey, work))
                .containsEntry(TRAINEE_NAME.name(), traineeName)
                .containsEntry(ENTERPRISE_SLUG.name(), "ceb-press")
                .containsEntry(MILESTONE_TITLE.name(), "Safety and shop orientation")
                .containsKey(MILESTONE_DUE_DATE.name());
        String training = work.getProcessInstanceId();
        assertThat(as(trainee, Roles.TRAINEES, () -> instances(training))).isOne();
        assertThat(as(mentor, Roles.MENTORS, () -> instances(training))).isOne();
        assertThat(as(otherMentor, Roles.MENTORS, () -> instances(training)))
                .as("a mentor who does not work this training may not read it")
                .isZero();
        assertThat(as(otherTrainee, Roles.TRAINEES, () -> instances(training)))
                .as("a trainee reads only their own training")
                .isZero();

        as(trainee, Roles.TRAINEES, () -> {
            taskService.complete(work.getId(), EVIDENCE_URLS.with("https://wiki.opensourceecology.org/wiki/Col_shop"));
            return null;
        });
        Task signOff = task(businessKey, USER_SIGN_OFF_MILESTONE);
        Map<String, Object> expected = columns(mentor, "Awaiting my sign-off", businessKey, signOff);
        assertThat(expected)
                .containsEntry(TRAINEE_NAME.name(), traineeName)
                .containsEntry(ENTERPRISE_SLUG.name(), "ceb-press")
                .containsEntry(MILESTONE_TITLE.name(), "Safety and shop orientation")
                .containsKey(MILESTONE_DUE_DATE.name());

        as(admin, Roles.ADMINS, () -> {
            taskService.setAssignee(signOff.getId(), standIn);
            return null;
        });
        assertThat(columns(standIn, "Awaiting my sign-off", businessKey, signOff))
                .as("a mentor handed the sign-off sees what its mentor saw")
                .isEqualTo(expected);
        assertThat(as(otherMentor, Roles.MENTORS, () -> instances(training))).isZero();
    }

    /** The listed variables of one task in a saved filter's page, fetched as Tasklist does. */
    private Map<String, Object> columns(String userId, String filterName, String businessKey, Task task)
            throws Exception {
        String filterId = filterService
                .createFilterQuery()
                .filterName(filterName)
                .singleResult()
                .getId();
        var browser = new PortalClient(port).login(userId);
        // Tasklist's first call, which also gives the browser its CSRF token
        assertThat(browser.send(
                                "GET",
                                ENGINE + "/filter?resourceType=Task&itemCount=true",
                                Map.of("Accept", "application/json"),
                                null)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> page = browser.send(
                "POST",
                ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                Map.of(
                        "Accept",
                        "application/hal+json, application/json; q=0.5",
                        "Content-Type",
                        "application/json",
                        "X-XSRF-TOKEN",
                        browser.cookie("XSRF-TOKEN").orElseThrow()),
                // what Tasklist's search adds to the filter's query
                "{\"processInstanceBusinessKey\": \"" + businessKey + "\"}");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode listed = StreamSupport.stream(
                        json.readTree(page.body()).at("/_embedded/task").spliterator(), false)
                .filter(t -> t.get("id").asText().equals(task.getId()))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(filterName + " of " + userId + " lacks the task: " + page.body()));
        var variables = new LinkedHashMap<String, Object>();
        listed.at("/_embedded/variable")
                .forEach(variable -> variables.put(
                        variable.get("name").asText(),
                        variable.get("value").isNull()
                                ? null
                                : variable.get("value").asText()));
        return variables;
    }

    private String applyForTraining(String trainee) {
        var variables = Variables.createVariables();
        JourneyProcess.ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        JourneyProcess.MOTIVATION.putIn(variables, "Bricks from the soil of our own valley.");
        JourneyProcess.CITY.putIn(variables, "Arequipa");
        JourneyProcess.COUNTRY.putIn(variables, "Peru");
        String journey = as(
                trainee,
                Roles.TRAINEES,
                () -> runtimeService
                        .startProcessInstanceByKey(JourneyProcess.KEY, variables)
                        .getId());
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(journey)
                .singleResult()
                .getBusinessKey();
    }

    private Task task(String businessKey, String taskDefinitionKey) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    private long instances(String processInstanceId) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .count();
    }

    private <T> T as(String userId, String group, Supplier<T> action) {
        identityService.setAuthentication(userId, List.of(group));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String user(String prefix, String group) {
        return TestUsers.create(identityService, prefix, group, "columns.example");
    }
}
