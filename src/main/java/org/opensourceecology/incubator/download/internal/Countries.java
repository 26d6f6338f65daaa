package org.opensourceecology.incubator.download.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a typed country as an ISO 3166-1 alpha-2 code: by its code (DE, DEU), its name in the
 * portal's languages and a few others (Germany, Alemania, Allemagne) or in its own languages
 * (Deutschland), from the JDK's locale data, and a few everyday names (USA, UK, England, Holland).
 */
final class Countries {

    private static final Locale[] NAMED_IN = {
        Locale.ENGLISH,
        new Locale("es"),
        Locale.FRENCH,
        Locale.GERMAN,
        Locale.ITALIAN,
        new Locale("pt"),
        new Locale("nl"),
        new Locale("pl"),
        new Locale("sw")
    };

    private static final Map<String, String> EVERYDAY = Map.of(
            "usa", "US",
            "united states of america", "US",
            "uk", "GB",
            "england", "GB",
            "scotland", "GB",
            "wales", "GB",
            "northern ireland", "GB",
            "great britain", "GB",
            "holland", "NL");

    private static final Map<String, String> CODES = build();

    private Countries() {}

    /** The country's ISO code, if the text names one. */
    static Optional<String> code(String country) {
        return Optional.ofNullable(CODES.get(PlaceNames.key(country)));
    }

    /** The English name of a country code. */
    static String englishName(String code) {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }

    private static Map<String, String> build() {
        var codes = new HashMap<String, String>();
        Set<String> iso = Set.of(Locale.getISOCountries());
        for (String code : iso) {
            codes.put(PlaceNames.key(code), code);
            codes.put(PlaceNames.key(new Locale("", code).getISO3Country()), code);
        }
        for (Locale language : NAMED_IN) {
            for (String code : iso) {
                codes.putIfAbsent(PlaceNames.key(new Locale("", code).getDisplayCountry(language)), code);
            }
        }
        for (Locale locale : Locale.getAvailableLocales()) {
            if (iso.contains(locale.getCountry())) {
                codes.putIfAbsent(PlaceNames.key(locale.getDisplayCountry(locale)), locale.getCountry());
            }
        }
        EVERYDAY.forEach(codes::putIfAbsent);
        codes.remove("");
        return Map.copyOf(codes);
    }
}
