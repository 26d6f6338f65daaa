package org.opensourceecology.incubator.notification;

import java.util.Locale;
import java.util.Map;
import org.opensourceecology.incubator.identity.Languages;

/**
 * A value of a mail's model that exists in several languages (a task's name): each recipient's mail
 * gets it in their language, else in English.
 *
 * @param byLanguage text by language tag ({@code en}, {@code es}, {@code fr}); English is the fallback
 */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The text in {@code language}, else in English, else empty. */
    public String in(Locale language) {
        String text = byLanguage.get(Languages.supported(language).getLanguage());
        return text != null ? text : byLanguage.getOrDefault(Languages.FALLBACK.getLanguage(), "");
    }

    @Override
    public String toString() {
        return in(Languages.FALLBACK);
    }
}
