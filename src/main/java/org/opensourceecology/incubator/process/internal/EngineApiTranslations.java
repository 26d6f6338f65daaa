package org.opensourceecology.incubator.process.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensourceecology.incubator.identity.Languages;
import org.opensourceecology.incubator.process.TasklistFilterTexts;
import org.opensourceecology.incubator.process.TranslatedTaskTexts;
import org.springframework.context.MessageSource;

/**
 * Translates what Camunda's engine API answers Tasklist into a person's language: a Camunda Form's
 * schema (through the {@code messages/forms} bundle), and in task lists and single tasks the task names
 * and descriptions (rendered when each task was created, {@link TaskTextTranslations}), the names of
 * process definitions (through {@code messages/processes}) and saved filters' names and variable labels
 * (through the message keys in their properties, {@link TasklistFilterTexts}); and it keeps a translated
 * name from being stored back as a task's name. Anything it does not recognise it leaves as it is;
 * without a translation, the English original stays.
 */
class EngineApiTranslations {

    private final TranslationBundle forms;
    private final TranslationBundle processes;
    private final TaskTexts taskTexts;
    private final MessageSource messages;

    /** @param messages the application's messages, for saved filters' names and labels */
    EngineApiTranslations(
            TranslationBundle forms, TranslationBundle processes, TaskTexts taskTexts, MessageSource messages) {
        this.forms = forms;
        this.processes = processes;
        this.taskTexts = taskTexts;
        this.messages = messages;
    }

    /** The form in {@code language}; a body that is no form schema comes back unchanged. */
    JsonNode form(JsonNode schema, Locale language) {
        if (!schema.isObject() || !schema.path("components").isArray()) {
            return schema;
        }
        return FormTexts.translated(schema, forms, language);
    }

    /**
     * Task names and descriptions, process definition names and saved filters' names and variable
     * labels in {@code language}, wherever the body has tasks, process definitions or filters: a list, a
     * single one, or HAL's {@code _embedded} lists. Changes the body in place and returns it.
     */
    JsonNode tasksAndProcesses(JsonNode body, Locale language) {
        var tasks = new ArrayList<ObjectNode>();
        var definitions = new ArrayList<ObjectNode>();
        var filters = new ArrayList<ObjectNode>();
        collect(body, tasks, definitions, filters, 0);
        for (ObjectNode filter : filters) {
            translateFilter(filter, language);
        }
        for (ObjectNode definition : definitions) {
            String key = definition.path("key").asText();
            processes
                    .translate(key + ".name", definition.path("name").asText(null), language)
                    .ifPresent(name -> definition.put("name", name));
        }
        TranslatedTaskTexts.in(language).ifPresent(texts -> translateTasks(tasks, texts));
        return body;
    }

    /**
     * A task update as Tasklist sends it ({@code PUT task/<id>} with the whole task, to change a due or
     * follow-up date) carries the name and description it was shown: a translation must not become
     * the task's name. A name or description equal to one of the task's translations is put back to the
     * task's own English text; anything else (a real rename) goes through.
     *
     * @return whether the body changed
     */
    boolean untranslateTaskUpdate(String taskId, JsonNode body) {
        if (!(body instanceof ObjectNode update) || !(update.has("name") || update.has("description"))) {
            return false;
        }
        var variables = new ArrayList<String>();
        TranslatedTaskTexts.ALL.forEach(texts -> {
            variables.add(texts.name().name());
            variables.add(texts.description().name());
        });
        Map<String, String> translations =
                taskTexts.find(List.of(taskId), variables).getOrDefault(taskId, Map.of());
        if (translations.isEmpty()) {
            return false;
        }
        var english = taskTexts.english(taskId);
        if (english.isEmpty()) {
            return false;
        }
        boolean changed = false;
        for (TranslatedTaskTexts texts : TranslatedTaskTexts.ALL) {
            changed |= restore(
                    update,
                    "name",
                    translations.get(texts.name().name()),
                    english.get().name());
            changed |= restore(
                    update,
                    "description",
                    translations.get(texts.description().name()),
                    english.get().description());
        }
        return changed;
    }

    private static boolean restore(ObjectNode update, String field, String translation, String english) {
        JsonNode sent = update.get(field);
        if (translation == null
                || sent == null
                || !sent.isTextual()
                || !sent.asText().equals(translation)) {
            return false;
        }
        update.put(field, english);
        return true;
    }

    /** A filter's name and variable labels, by the message keys its properties name. */
    private void translateFilter(ObjectNode filter, Locale language) {
        JsonNode properties = filter.get("properties");
        message(
                        properties.path(TasklistFilterTexts.NAME_KEY).asText(null),
                        filter.path("name").asText(null),
                        language)
                .ifPresent(name -> filter.put("name", name));
        for (JsonNode variable : properties.path("variables")) {
            if (variable instanceof ObjectNode labelled) {
                message(
                                labelled.path(TasklistFilterTexts.LABEL_KEY).asText(null),
                                labelled.path("label").asText(null),
                                language)
                        .ifPresent(label -> labelled.put("label", label));
            }
        }
    }

    /** The message in {@code language}, while {@code english} is still the message's English text. */
    private Optional<String> message(String key, String english, Locale language) {
        if (key == null || english == null) {
            return Optional.empty();
        }
        String source = messages.getMessage(key, null, null, Languages.FALLBACK);
        String text = messages.getMessage(key, null, null, language);
        return source != null && text != null && TranslationBundle.sameText(source, english)
                ? Optional.of(text)
                : Optional.empty();
    }

    private void translateTasks(List<ObjectNode> tasks, TranslatedTaskTexts texts) {
        if (tasks.isEmpty()) {
            return;
        }
        List<String> ids =
                tasks.stream().map(task -> task.get("id").asText()).distinct().toList();
        var found = taskTexts.find(
                ids, List.of(texts.name().name(), texts.description().name()));
        for (ObjectNode task : tasks) {
            Map<String, String> translated = found.get(task.get("id").asText());
            if (translated == null) {
                continue;
            }
            put(task, "name", translated.get(texts.name().name()));
            if (task.has("description")) {
                put(task, "description", translated.get(texts.description().name()));
            }
        }
    }

    private static void put(ObjectNode task, String field, String text) {
        if (text != null && !text.isBlank()) {
            task.put(field, text);
        }
    }

    /** Tasks, process definitions and filters at the top, in a top-level list, or in HAL's embedded resources. */
    private static void collect(
            JsonNode node, List<ObjectNode> tasks, List<ObjectNode> definitions, List<ObjectNode> filters, int depth) {
        if (depth > 3 || node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, tasks, definitions, filters, depth + 1));
        } else if (node instanceof ObjectNode object) {
            if (isTask(object)) {
                tasks.add(object);
            } else if (isProcessDefinition(object)) {
                definitions.add(object);
            } else if (isFilter(object)) {
                filters.add(object);
            }
            JsonNode embedded = object.get("_embedded");
            if (embedded != null && embedded.isObject()) {
                embedded.forEach(resources -> collect(resources, tasks, definitions, filters, depth + 1));
            }
        }
    }

    /** A saved filter (FilterDto): a resource type, a name and its properties. */
    private static boolean isFilter(ObjectNode object) {
        return object.path("resourceType").isTextual()
                && object.has("name")
                && object.path("properties").isObject();
    }

    /** A task as the engine API writes it (TaskDto, HalTask): an id, a name, a task definition key. */
    private static boolean isTask(ObjectNode object) {
        return object.path("id").isTextual() && object.has("name") && object.has("taskDefinitionKey");
    }

    /** A process definition (ProcessDefinitionDto, HalProcessDefinition): key, version and deployment. */
    private static boolean isProcessDefinition(ObjectNode object) {
        return object.path("key").isTextual()
                && object.has("name")
                && object.has("version")
                && object.has("deploymentId");
    }
}
