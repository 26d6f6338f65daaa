package org.opensourceecology.incubator.process.internal;

import java.util.List;
import java.util.Locale;
import org.opensourceecology.incubator.identity.Languages;
import org.opensourceecology.incubator.process.ProcessVariable;

/**
 * The task-local variables that hold a user task's name and description in a language other than
 * English ({@code taskName_es}, {@code taskDescription_es}, …), rendered when the task is created.
 * Task-local variables belong to the task's process instance, so erasure and retention remove them with
 * the instance's other variables.
 */
record TranslatedTaskTexts(Locale language, ProcessVariable<String> name, ProcessVariable<String> description) {

    /** One entry per supported language but English, which is the task's own name and description. */
    static final List<TranslatedTaskTexts> ALL = Languages.SUPPORTED.stream()
            .filter(language -> !language.equals(Languages.FALLBACK))
            .map(language -> new TranslatedTaskTexts(
                    language,
                    ProcessVariable.string("taskName_" + language.getLanguage()),
                    ProcessVariable.string("taskDescription_" + language.getLanguage())))
            .toList();

    static java.util.Optional<TranslatedTaskTexts> in(Locale language) {
        return ALL.stream()
                .filter(texts -> texts.language().getLanguage().equals(language.getLanguage()))
                .findFirst();
    }
}
