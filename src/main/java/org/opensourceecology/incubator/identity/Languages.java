package org.opensourceecology.incubator.identity;

import java.util.List;
import java.util.Locale;

/**
 * The languages of the portal, the mails and Tasklist: English (the fallback), Spanish and French.
 * Adding one means a {@code _xx} variant of every message bundle and mail template (the bundle test
 * lists what is missing) and a Tasklist locale file.
 */
public final class Languages {

    public static final Locale FALLBACK = Locale.ENGLISH;

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.FRENCH);

    private Languages() {}

    /** The supported language closest to {@code locale} (by language only), or English. */
    public static Locale supported(Locale locale) {
        if (locale == null) {
            return FALLBACK;
        }
        return SUPPORTED.stream()
                .filter(candidate -> candidate.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(FALLBACK);
    }

    /** The best supported language for an {@code Accept-Language} header, or English. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return FALLBACK;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return best == null ? FALLBACK : best;
        } catch (IllegalArgumentException malformed) {
            return FALLBACK;
        }
    }
}
