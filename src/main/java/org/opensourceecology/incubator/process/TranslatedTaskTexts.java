package org.opensourceecology.incubator.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.opensourceecology.incubator.identity.Languages;

/**
 * The task-local variables that hold a user task's name and description in a language other than
 * English ({@code taskName_es}, {@code taskDescription_es}, …), rendered from {@code messages/processes}
 * when the task is created, before the diagram's own task listeners run. English is the task's own name
 * and description. Task-local variables belong to the task's process instance, so erasure and retention
 * remove them with the instance's other variables.
 */
public record TranslatedTaskTexts(Locale language, ProcessVariable<String> name, ProcessVariable<String> description) {

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
        for (TranslatedTaskTexts texts : ALL) {
            Object name = task.getVariableLocal(texts.name().name());
            if (name instanceof String translated && !translated.isBlank()) {
                names.put(texts.language().getLanguage(), translated);
            }
        }
        return names;
    }
}
