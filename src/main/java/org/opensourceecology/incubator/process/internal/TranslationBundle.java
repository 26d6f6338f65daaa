package org.opensourceecology.incubator.process.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.opensourceecology.incubator.identity.Languages;

/**
 * Translations of texts whose English original lives in a file admins edit in Camunda Modeler (a
 * Camunda Form, a BPMN diagram). {@code messages/<name>.properties} holds each English text as the file
 * said it when it was translated, {@code messages/<name>_es|_fr.properties} the translations. A
 * translation is used only while the original still says what the English bundle says: a label or task
 * name changed in Modeler shows in English until its translation is brought up to date, never with the
 * meaning of the old text. Read from the classpath as UTF-8, without MessageFormat, so that
 * apostrophes, {@code {{template}}} and {@code ${expression}} stay as written.
 */
final class TranslationBundle {

    private final String name;
    private final Properties english;
    private final Map<String, Properties> translations;

    private TranslationBundle(String name, Properties english, Map<String, Properties> translations) {
        this.name = name;
        this.english = english;
        this.translations = translations;
    }

    /** {@code messages/<name>[_es|_fr].properties} from the classpath; a missing language translates nothing. */
    static TranslationBundle load(String name) {
        var translations = new LinkedHashMap<String, Properties>();
        for (Locale language : Languages.SUPPORTED) {
            if (!language.equals(Languages.FALLBACK)) {
                translations.put(
                        language.getLanguage(),
                        read("messages/" + name + "_" + language.getLanguage() + ".properties"));
            }
        }
        return new TranslationBundle(name, read("messages/" + name + ".properties"), translations);
    }

    static TranslationBundle of(String name, Properties english, Map<String, Properties> translations) {
        return new TranslationBundle(name, english, Map.copyOf(translations));
    }

    String name() {
        return name;
    }

    /**
     * The text of {@code key} in {@code language}, when the bundle has one and its English text is still
     * {@code original} (compared without regard to white space); empty for English, an unknown key, a
     * missing translation or a changed original.
     */
    Optional<String> translate(String key, String original, Locale language) {
        Properties translated = translations.get(Languages.supported(language).getLanguage());
        if (translated == null || original == null) {
            return Optional.empty();
        }
        String source = english.getProperty(key);
        String text = translated.getProperty(key);
        if (source == null || text == null || text.isBlank() || !sameText(source, original)) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** The English text the bundle holds for {@code key}, if any. */
    Optional<String> english(String key) {
        return Optional.ofNullable(english.getProperty(key));
    }

    static boolean sameText(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static Properties read(String resource) {
        var properties = new Properties();
        try (InputStream in = TranslationBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return properties;
    }
}
