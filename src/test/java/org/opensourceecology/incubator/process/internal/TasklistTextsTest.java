package org.opensourceecology.incubator.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.Languages;

/**
 * What Tasklist shows from forms/ and processes/ is translated, and the translations fit: every text of
 * every Camunda Form and every process name, user task name and description has its key in the English
 * bundle ({@code messages/forms.properties}, {@code messages/processes.properties}) with the text the file
 * has now (a text changed in Modeler fails here until its bundles are updated), no stray keys, and each
 * translation keeps what the form or the engine fills in: the same {@code {{field}}} templates and link
 * targets, the opening {@code ## } heading, the same {@code ${variable}} expressions. That every key has
 * a Spanish and French text is {@code MessageBundlesTest}'s check, as for every bundle.
 *
 * <p>A failure lists the lines to put into the English bundle; {@code tools/i18n/missing-translations.py}
 * then adds them, marked TODO, to the Spanish and French ones.
 */
class TasklistTextsTest {

    static final Path FORMS = Path.of("forms");
    static final Path PROCESSES = Path.of("processes");
    static final Path MESSAGES = Path.of("src/main/resources/messages");

    static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]*}}");
    static final Pattern LINK_TARGET = Pattern.compile("]\\(([^)]*)\\)");
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");

    /**
     * Variables that hold English text written by code (the viability assessment): a translation may
     * leave them out and point to the form, which shows them.
     */
    static final Set<String> ENGLISH_ONLY_EXPRESSIONS = Set.of("${viabilitySummary}");

    @Test
    void everyFormComponentWithTextHasAStableId() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path form : forms()) {
            FormTexts.problems(read(form)).forEach(problem -> problems.add(form + ": " + problem));
        }
        assertThat(problems).as("form components whose texts cannot have a key").isEmpty();
    }

    @Test
    void theFormsBundleHoldsEveryTextOfEveryFormAsTheFormSaysIt() throws IOException {
        var texts = new LinkedHashMap<String, String>();
        for (Path form : forms()) {
            FormTexts.of(read(form)).forEach(text -> texts.put(text.key(), text.english()));
        }
        assertThat(texts).as("texts found in forms/").hasSizeGreaterThan(100);
        assertThat(differences(texts, load(MESSAGES.resolve("forms.properties"))))
                .as("forms.properties out of step with forms/ (add or correct these lines)")
                .isEmpty();
    }

    @Test
    void theProcessesBundleHoldsEveryProcessNameAndUserTaskText() throws IOException {
        var texts = new LinkedHashMap<String, String>();
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                texts.put(process.getId() + ".name", process.getName());
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String key = processOf(task).getId() + "." + task.getId() + ".";
                texts.put(key + "name", task.getName());
                texts.put(
                        key + "description",
                        task.getDocumentations().stream()
                                .map(Documentation::getTextContent)
                                .reduce("", String::concat)
                                .strip());
            }
        }
        assertThat(texts).as("texts found in processes/").hasSizeGreaterThan(30);
        assertThat(differences(texts, load(MESSAGES.resolve("processes.properties"))))
                .as("processes.properties out of step with processes/ (add or correct these lines)")
                .isEmpty();
    }

    @Test
    void formTranslationsKeepTheTemplatesLinksAndHeadings() throws IOException {
        Properties english = load(MESSAGES.resolve("forms.properties"));
        List<String> problems = new ArrayList<>();
        for (String language : translations()) {
            Properties translated = load(MESSAGES.resolve("forms_" + language + ".properties"));
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                String source = english.getProperty(key);
                String text = translated.getProperty(key);
                if (text == null) {
                    continue; // MessageBundlesTest reports it
                }
                if (!found(TEMPLATE, source).equals(found(TEMPLATE, text))) {
                    problems.add(language + " " + key + ": uses " + found(TEMPLATE, text) + ", English "
                            + found(TEMPLATE, source));
                }
                if (!found(LINK_TARGET, source).equals(found(LINK_TARGET, text))) {
                    problems.add(language + " " + key + ": links to " + found(LINK_TARGET, text) + ", English to "
                            + found(LINK_TARGET, source));
                }
                if (source.startsWith("## ") != text.startsWith("## ")) {
                    problems.add(language + " " + key + ": the '## ' heading of the English text is missing");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void taskTranslationsUseTheSameVariablesAsTheDiagram() throws IOException {
        Properties english = load(MESSAGES.resolve("processes.properties"));
        List<String> problems = new ArrayList<>();
        for (String language : translations()) {
            Properties translated = load(MESSAGES.resolve("processes_" + language + ".properties"));
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                String text = translated.getProperty(key);
                if (text == null) {
                    continue;
                }
                Set<String> expected = found(EXPRESSION, english.getProperty(key));
                Set<String> actual = found(EXPRESSION, text);
                var required = new TreeSet<>(expected);
                required.removeAll(ENGLISH_ONLY_EXPRESSIONS);
                if (!expected.containsAll(actual) || !actual.containsAll(required)) {
                    problems.add(language + " " + key + ": uses " + actual + ", English " + expected);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** "file: key=text" lines for what is missing or different, and stray keys. */
    private static List<String> differences(Map<String, String> texts, Properties bundle) {
        List<String> problems = new ArrayList<>();
        texts.forEach((key, text) -> {
            String held = bundle.getProperty(key);
            if (held == null) {
                problems.add("missing: " + key + "=" + escape(text));
            } else if (!TranslationBundle.sameText(held, text)) {
                problems.add("changed: " + key + "=" + escape(text) + "  (the bundle has: " + escape(held) + ")");
            }
        });
        for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
            if (!texts.containsKey(key)) {
                problems.add("stray: " + key + " is in no file");
            }
        }
        return problems;
    }

    private static Set<String> found(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\s+", ""));
        }
        return found;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static List<String> translations() {
        return Languages.SUPPORTED.stream()
                .filter(locale -> !locale.equals(Languages.FALLBACK))
                .map(java.util.Locale::getLanguage)
                .toList();
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    static JsonNode read(Path form) throws IOException {
        return new ObjectMapper().readTree(form.toFile());
    }

    static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
    }

    private static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
