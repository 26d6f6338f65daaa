package org.opensourceecology.incubator.download.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How typed place names are compared: case, accents, punctuation and spacing do not matter
 * (“Saint-Étienne” = “saint etienne”, “SÃO PAULO” = “Sao Paulo”).
 */
final class PlaceNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PlaceNames() {}

    /** The comparison key of a name; empty for null or blank. */
    static String key(String name) {
        if (name == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace("ß", "ss");
        return SEPARATORS.matcher(plain).replaceAll(" ").strip();
    }
}
