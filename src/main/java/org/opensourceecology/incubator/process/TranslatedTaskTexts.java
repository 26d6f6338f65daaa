package org.opensourceecology.incubator.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opensourceecology.incubator.identity.Languages;

/**
 * A user task's name and description in the languages other than English ({@code taskName_es},
 * {@code taskDescription_es}, …), rendered from {@code messages/processes} when the task is created,
 * before the diagram's own task listeners run. English is the task's own name and description.
 *
 * <p>They are kept together in one task-local variable, {@link #TEXTS} (a JSON object from those names
 * to the texts), because at history level FULL every variable costs the engine six statements over the
 * task's life: with one variable per text, the translations were a quarter of the statements of a
 * journey step (bench/run). Tasks created before that hold one variable per text, which the readers
 * here still understand. Task-local variables belong to the task's process instance, so erasure and
 * retention remove them with the instance's other variables.
 *
 * @param name the key of the translated name (once the name of its own variable)
 * @param description the key of the translated description
 */
public record TranslatedTaskTexts(Locale language, ProcessVariable<String> name, ProcessVariable<String> description) {

    /** The task-local variable that holds every translation of the task's texts, as a JSON object. */
    public static final ProcessVariable<String> TEXTS = ProcessVariable.string("taskTexts");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry per supported language but English. */
    public static final List<TranslatedTaskTexts> ALL = Languages.SUPPORTED.stream()
            .filter(language -> !language.equals(Languages.FALLBACK))
            .map(language -> new TranslatedTaskTexts(
                    language,
                    ProcessVariable.string("taskName_" + language.getLanguage()),
                    ProcessVariable.string("taskDescription_" + language.getLanguage())))
            .toList();

    public static Optional<TranslatedTaskTexts> in(Locale language) {
        return ALL.stream()
                .filter(texts -> texts.language().getLanguage().equals(language.getLanguage()))
                .findFirst();
    }

    /**
     * The task's name by language tag ({@code en} is its own name), for a listener that runs on or after
     * the task's creation; a language without a translation is left out.
     */
    public static Map<String, String> names(DelegateTask task) {
        var names = new LinkedHashMap<String, String>();
        names.put(Languages.FALLBACK.getLanguage(), task.getName());
        var all = decode(task.getVariableLocal(TEXTS.name()));
        for (TranslatedTaskTexts texts : ALL) {
            Object name = all.containsKey(texts.name().name())
                    ? all.get(texts.name().name())
                    : task.getVariableLocal(texts.name().name());
            if (name instanceof String translated && !translated.isBlank()) {
                names.put(texts.language().getLanguage(), translated);
            }
        }
        return names;
    }

    /** The value of {@link #TEXTS} for these texts (keys as {@link #name()} and {@link #description()}). */
    public static String encode(Map<String, String> texts) {
        try {
            return JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("task texts cannot be written as JSON", e);
        }
    }

    /** The texts in a value of {@link #TEXTS}; empty for null or anything that is not such a value. */
    public static Map<String, String> decode(Object value) {
        if (!(value instanceof String json) || json.isBlank()) {
            return Map.of();
        }
        try {
            var texts = new LinkedHashMap<String, String>();
            JSON.readTree(json).properties().forEach(entry -> {
                if (entry.getValue().isTextual()) {
                    texts.put(entry.getKey(), entry.getValue().asText());
                }
            });
            return texts;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
