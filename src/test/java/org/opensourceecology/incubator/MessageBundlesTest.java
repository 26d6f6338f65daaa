package org.opensourceecology.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.Languages;

/**
 * Every text exists in every language: each message bundle family (messages.properties and
 * messages/&lt;module&gt;.properties) has a _es and _fr file with exactly the English keys, and each mail
 * template (templates/mail/&lt;name&gt;.txt) has _es and _fr variants using the same model variables.
 * A failure lists what to translate as "file: key=English text" lines (tools/i18n/missing-translations.py
 * appends them to the bundles, marked TODO, for a translator).
 */
class MessageBundlesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Pattern MAIL_EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

    @Test
    void everyBundleHasEveryKeyInEveryLanguage() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> families = englishBundles();
        assertThat(families).as("message bundles").hasSizeGreaterThanOrEqualTo(7);
        for (Path english : families) {
            Properties base = load(english);
            for (var language : translations()) {
                Path translated = variant(english, language, ".properties");
                if (!Files.exists(translated)) {
                    problems.add(translated + ": file missing (" + base.size() + " keys)");
                    continue;
                }
                Properties other = load(translated);
                for (String key : new TreeSet<>(base.stringPropertyNames())) {
                    String value = other.getProperty(key);
                    if (value == null
                            || value.isBlank() && !base.getProperty(key).isBlank()) {
                        problems.add(translated + ": " + key + "=" + base.getProperty(key));
                    }
                }
                for (String key : new TreeSet<>(other.stringPropertyNames())) {
                    if (!base.containsKey(key)) {
                        problems.add(translated + ": " + key + " is not in " + english.getFileName());
                    }
                }
            }
        }
        assertThat(problems).as("untranslated or stray message keys").isEmpty();
    }

    @Test
    void everyMailTemplateExistsInEveryLanguageWithTheSameVariables() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.list(RESOURCES.resolve("templates/mail"))) {
            templates = files.filter(f -> f.getFileName().toString().matches("[a-z0-9-]+\\.txt"))
                    .sorted()
                    .toList();
        }
        assertThat(templates).as("mail templates").isNotEmpty();
        for (Path english : templates) {
            Set<String> variables = expressions(english);
            for (var language : translations()) {
                Path translated = variant(english, language, ".txt");
                if (!Files.exists(translated)) {
                    problems.add(translated + ": file missing");
                } else if (!expressions(translated).equals(variables)) {
                    problems.add(translated + ": uses " + expressions(translated) + " but English uses " + variables);
                }
            }
        }
        assertThat(problems).as("mail templates without a translation").isEmpty();
    }

    static List<Path> englishBundles() throws IOException {
        List<Path> bundles = new ArrayList<>();
        bundles.add(RESOURCES.resolve("messages.properties"));
        try (Stream<Path> files = Files.list(RESOURCES.resolve("messages"))) {
            files.filter(f -> f.getFileName().toString().matches("[a-z0-9-]+\\.properties"))
                    .sorted()
                    .forEach(bundles::add);
        }
        return bundles;
    }

    static List<String> translations() {
        return Languages.SUPPORTED.stream()
                .filter(locale -> !locale.equals(Languages.FALLBACK))
                .map(java.util.Locale::getLanguage)
                .toList();
    }

    static Path variant(Path english, String language, String suffix) {
        String name = english.getFileName().toString();
        return english.resolveSibling(name.substring(0, name.length() - suffix.length()) + "_" + language + suffix);
    }

    static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    static Set<String> expressions(Path template) throws IOException {
        Set<String> found = new TreeSet<>();
        Matcher matcher = MAIL_EXPRESSION.matcher(Files.readString(template, StandardCharsets.UTF_8));
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }
}
