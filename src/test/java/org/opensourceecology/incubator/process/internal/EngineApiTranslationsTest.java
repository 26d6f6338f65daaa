package org.opensourceecology.incubator.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.process.internal.EngineApiTranslationFilter.Kind;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** What the engine API answers Tasklist, in the person's language. */
class EngineApiTranslationsTest {

    static final Locale ES = Locale.forLanguageTag("es");
    static final ObjectMapper JSON = new ObjectMapper();

    final List<List<String>> queries = new ArrayList<>();

    final EngineApiTranslations translations = new EngineApiTranslations(
            TranslationBundle.of(
                    "forms", properties("f.name.label", "Name"), Map.of("es", properties("f.name.label", "Nombre"))),
            TranslationBundle.of(
                    "processes",
                    properties("immersion-training.name", "Immersion training"),
                    Map.of("es", properties("immersion-training.name", "Formación de inmersión"))),
            new TaskTexts() {
                @Override
                public Map<String, Map<String, String>> find(List<String> taskIds, List<String> variables) {
                    queries.add(taskIds);
                    assertThat(variables).contains("taskName_es", "taskDescription_es");
                    return Map.of(
                            "t1",
                            Map.of(
                                    "taskName_es", "Completar el hito: Marco",
                                    "taskDescription_es", "Hito Marco…",
                                    "taskName_fr", "Terminer l’étape : Cadre"),
                            "t2",
                            Map.of("taskName_es", "Aprobar el hito: Marco"));
                }

                @Override
                public Optional<English> english(String taskId) {
                    return taskId.equals("t1")
                            ? Optional.of(new English("Complete milestone: Frame", "Milestone Frame…"))
                            : Optional.empty();
                }
            },
            filterMessages());

    @Test
    void aTaskUpdateThatSendsATranslationBackKeepsTheTasksEnglishTexts() throws Exception {
        JsonNode update = JSON.readTree("""
                {"id": "t1", "name": "Completar el hito: Marco", "description": "Hito Marco…",
                 "due": "2026-12-24T00:00:00.000+0000", "priority": 50}""");
        assertThat(translations.untranslateTaskUpdate("t1", update)).isTrue();
        assertThat(update.get("name").asText()).isEqualTo("Complete milestone: Frame");
        assertThat(update.get("description").asText()).isEqualTo("Milestone Frame…");
        assertThat(update.get("due").asText()).isEqualTo("2026-12-24T00:00:00.000+0000");

        JsonNode french = JSON.readTree("{\"name\": \"Terminer l’étape : Cadre\"}");
        assertThat(translations.untranslateTaskUpdate("t1", french)).isTrue();
        assertThat(french.get("name").asText()).isEqualTo("Complete milestone: Frame");

        JsonNode renamed = JSON.readTree("{\"name\": \"Frame, second try\", \"description\": null}");
        assertThat(translations.untranslateTaskUpdate("t1", renamed)).isFalse();
        assertThat(renamed.get("name").asText()).isEqualTo("Frame, second try");

        JsonNode untranslated = JSON.readTree("{\"name\": \"Created before translations\"}");
        assertThat(translations.untranslateTaskUpdate("t3", untranslated)).isFalse();
    }

    @Test
    void translatesTheTasksAndProcessesOfAHalTaskListWithOneQuery() throws Exception {
        JsonNode page = JSON.readTree("""
                {"_links": {}, "count": 3, "_embedded": {
                  "processDefinition": [{"id": "immersion-training:1:x", "key": "immersion-training",
                    "name": "Immersion training", "version": 1, "deploymentId": "d"}],
                  "task": [
                    {"id": "t1", "name": "Complete milestone: Frame", "description": "Milestone Frame…",
                     "taskDefinitionKey": "user_complete_milestone", "_embedded": {"variable": []}},
                    {"id": "t2", "name": "Sign off milestone: Frame", "description": null,
                     "taskDefinitionKey": "user_sign_off_milestone"},
                    {"id": "t3", "name": "Created before translations", "description": "Old",
                     "taskDefinitionKey": "user_complete_milestone"}]}}""");

        translations.tasksAndProcesses(page, ES);

        assertThat(queries).containsExactly(List.of("t1", "t2", "t3"));
        assertThat(page.at("/_embedded/task/0/name").asText()).isEqualTo("Completar el hito: Marco");
        assertThat(page.at("/_embedded/task/0/description").asText()).isEqualTo("Hito Marco…");
        assertThat(page.at("/_embedded/task/1/name").asText()).isEqualTo("Aprobar el hito: Marco");
        assertThat(page.at("/_embedded/task/1/description").isNull()).isTrue();
        assertThat(page.at("/_embedded/task/2/name").asText()).isEqualTo("Created before translations");
        assertThat(page.at("/_embedded/processDefinition/0/name").asText()).isEqualTo("Formación de inmersión");
        assertThat(page.get("count").asInt()).isEqualTo(3);
    }

    @Test
    void translatesAPlainListAndASingleTask() throws Exception {
        JsonNode list = JSON.readTree("""
                [{"id": "t2", "name": "Sign off", "taskDefinitionKey": "k", "description": "d"}]""");
        JsonNode single = JSON.readTree("""
                {"id": "t1", "name": "Complete", "taskDefinitionKey": "k", "description": "d"}""");

        translations.tasksAndProcesses(list, ES);
        translations.tasksAndProcesses(single, ES);

        assertThat(list.at("/0/name").asText()).isEqualTo("Aprobar el hito: Marco");
        assertThat(list.at("/0/description").asText()).as("none in Spanish").isEqualTo("d");
        assertThat(single.get("name").asText()).isEqualTo("Completar el hito: Marco");
    }

    @Test
    void queriesNothingForABodyWithoutTasksAndTranslatesProcessDefinitionLists() throws Exception {
        JsonNode definitions = JSON.readTree("""
                [{"id": "a", "key": "immersion-training", "name": "Immersion training", "version": 2,
                  "deploymentId": "d", "startableInTasklist": false},
                 {"id": "b", "key": "renamed", "name": "Renamed in Modeler", "version": 1, "deploymentId": "d"}]""");

        translations.tasksAndProcesses(definitions, ES);
        translations.tasksAndProcesses(JSON.readTree("{\"count\": 4}"), ES);

        assertThat(queries).isEmpty();
        assertThat(definitions.at("/0/name").asText()).isEqualTo("Formación de inmersión");
        assertThat(definitions.at("/1/name").asText()).isEqualTo("Renamed in Modeler");
    }

    @Test
    void translatesSavedFiltersByTheMessageKeysInTheirProperties() throws Exception {
        JsonNode filters = JSON.readTree("""
                [{"id": "f1", "resourceType": "Task", "name": "My milestones", "owner": null, "itemCount": 2,
                  "properties": {"priority": -10, "nameKey": "filter.myMilestones", "variables": [
                    {"name": "milestoneTitle", "label": "Milestone", "labelKey": "filter.variable.milestone"},
                    {"name": "traineeName", "label": "Apprentice", "labelKey": "filter.variable.trainee"},
                    {"name": "due", "label": "Due"}]}},
                 {"id": "f2", "resourceType": "Task", "name": "Renamed by an admin", "owner": null,
                  "properties": {"nameKey": "filter.myMilestones"}},
                 {"id": "f3", "resourceType": "Task", "name": "All tasks", "owner": null, "properties": {}}]""");

        translations.tasksAndProcesses(filters, ES);

        assertThat(filters.at("/0/name").asText()).isEqualTo("Mis hitos");
        assertThat(filters.at("/0/properties/variables/0/label").asText()).isEqualTo("Hito");
        assertThat(filters.at("/0/properties/variables/1/label").asText())
                .as("a label changed since")
                .isEqualTo("Apprentice");
        assertThat(filters.at("/0/properties/variables/2/label").asText()).isEqualTo("Due");
        assertThat(filters.at("/1/name").asText()).isEqualTo("Renamed by an admin");
        assertThat(filters.at("/2/name").asText()).isEqualTo("All tasks");
        assertThat(filters.at("/0/itemCount").asInt()).isEqualTo(2);
        assertThat(queries).isEmpty();
    }

    @Test
    void englishChangesNothingAndQueriesNothing() throws Exception {
        JsonNode single = JSON.readTree("""
                {"id": "t1", "name": "Complete", "taskDefinitionKey": "k"}""");
        translations.tasksAndProcesses(single, Locale.ENGLISH);
        assertThat(single.get("name").asText()).isEqualTo("Complete");
        assertThat(queries).isEmpty();
    }

    @Test
    void formsAreTranslatedAndOtherBodiesLeftAlone() throws Exception {
        JsonNode form = JSON.readTree("""
                {"id": "f", "components": [{"id": "name", "type": "textfield", "label": "Name"}]}""");
        JsonNode html = JSON.readTree("\"<form></form>\"");

        assertThat(translations.form(form, ES).at("/components/0/label").asText())
                .isEqualTo("Nombre");
        assertThat(translations.form(html, ES)).isSameAs(html);
    }

    @Test
    void theFilterTakesTheEngineApiResourcesTasklistReads() {
        assertThat(EngineApiTranslationFilter.kind("GET", "/camunda/api/engine/engine/default/task/abc/deployed-form"))
                .isEqualTo(Kind.FORM);
        assertThat(EngineApiTranslationFilter.kind(
                        "GET", "/camunda/api/engine/engine/default/process-definition/p:1:x/deployed-start-form"))
                .isEqualTo(Kind.FORM);
        assertThat(EngineApiTranslationFilter.kind(
                        "GET", "/engine-rest/process-definition/key/replication/deployed-start-form"))
                .isEqualTo(Kind.FORM);
        assertThat(EngineApiTranslationFilter.kind("GET", "/engine-rest/engine/default/task/abc/deployed-form"))
                .isEqualTo(Kind.FORM);
        for (String path : List.of(
                "/camunda/api/engine/engine/default/filter/f1/list",
                "/camunda/api/engine/engine/default/task",
                "/camunda/api/engine/engine/default/task/abc",
                "/camunda/api/engine/engine/default/process-definition",
                "/engine-rest/task/abc",
                "/camunda/api/engine/engine/default/filter",
                "/camunda/api/engine/engine/default/filter/f1")) {
            assertThat(EngineApiTranslationFilter.kind("GET", path)).as(path).isEqualTo(Kind.TASKS_AND_PROCESSES);
        }
        assertThat(EngineApiTranslationFilter.kind("POST", "/camunda/api/engine/engine/default/filter/f1/list"))
                .isEqualTo(Kind.TASKS_AND_PROCESSES);
        for (String path : List.of(
                "/camunda/api/engine/engine/default/task/count",
                "/camunda/api/engine/engine/default/filter/count",
                "/camunda/api/engine/engine/default/task/abc/form-variables",
                "/camunda/api/engine/engine/default/task/abc/complete",
                "/camunda/api/engine/engine/default/process-definition/p:1:x/xml",
                "/camunda/api/cockpit/plugin/base/default/process-definition",
                "/api/enterprises",
                "/engine-rest/deployment/create")) {
            assertThat(EngineApiTranslationFilter.kind("GET", path)).as(path).isNull();
        }
        assertThat(EngineApiTranslationFilter.kind("PUT", "/engine-rest/task/abc"))
                .isEqualTo(Kind.TASK_UPDATE);
        assertThat(EngineApiTranslationFilter.kind("PUT", "/camunda/api/engine/engine/default/task/abc"))
                .isEqualTo(Kind.TASK_UPDATE);
        assertThat(EngineApiTranslationFilter.kind("PUT", "/camunda/api/engine/engine/default/task/abc/variables/x"))
                .isNull();
        assertThat(EngineApiTranslationFilter.kind("DELETE", "/engine-rest/task/abc"))
                .isNull();
        assertThat(EngineApiTranslationFilter.kind("POST", "/engine-rest/task/abc/deployed-form"))
                .as("forms are read with GET")
                .isNull();
    }

    @Test
    void theWebappsEngineApiTranslatesForTasklistPagesOnly() {
        String api = "/camunda/api/engine/engine/default/task/abc";
        assertThat(EngineApiTranslationFilter.forTasklistOrRestClient(
                        referer("http://host/camunda/app/tasklist/default/"), api))
                .isTrue();
        assertThat(EngineApiTranslationFilter.forTasklistOrRestClient(
                        referer("http://host/camunda/app/cockpit/default/"), api))
                .isFalse();
        assertThat(EngineApiTranslationFilter.forTasklistOrRestClient(referer(null), api))
                .isFalse();
        assertThat(EngineApiTranslationFilter.forTasklistOrRestClient(referer("not a url ^"), api))
                .isFalse();
        assertThat(EngineApiTranslationFilter.forTasklistOrRestClient(referer(null), "/engine-rest/task/abc"))
                .as("REST clients ask with Accept-Language")
                .isTrue();
    }

    private static MockHttpServletRequest referer(String referer) {
        var request = new MockHttpServletRequest("GET", "/x");
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return request;
    }

    private static StaticMessageSource filterMessages() {
        var messages = new StaticMessageSource();
        messages.addMessage("filter.myMilestones", Locale.ENGLISH, "My milestones");
        messages.addMessage("filter.myMilestones", ES, "Mis hitos");
        messages.addMessage("filter.variable.milestone", Locale.ENGLISH, "Milestone");
        messages.addMessage("filter.variable.milestone", ES, "Hito");
        messages.addMessage("filter.variable.trainee", Locale.ENGLISH, "Trainee");
        messages.addMessage("filter.variable.trainee", ES, "Aprendiz");
        return messages;
    }

    private static Properties properties(String key, String value) {
        var properties = new Properties();
        properties.put(key, value);
        return properties;
    }
}
