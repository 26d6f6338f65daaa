package org.opensourceecology.incubator.download.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opensourceecology.incubator.download.DownloaderTown;

/**
 * Turns consenting downloads, counted per typed (town, country, enterprise), into the towns of the
 * map: spellings of one town are added up (by its gazetteer place, else by its name compared without
 * case and accents within one country), and counts too small to be anonymous are left out (see
 * {@link DownloaderTown}). Pure: no database, no clock.
 */
final class TownAggregation {

    /** Consenting downloads of one enterprise with one spelling of town and country. */
    record Row(String city, String country, String enterprise, long downloads) {}

    private TownAggregation() {}

    static List<DownloaderTown> aggregate(List<Row> rows, Gazetteer gazetteer) {
        var groups = new LinkedHashMap<String, Group>();
        for (Row row : rows) {
            if (!showable(row.city())) {
                continue;
            }
            String city = row.city().strip();
            String given = row.country() == null || row.country().isBlank()
                    ? null
                    : row.country().strip();
            String code = Countries.code(given).orElse(null);
            var place = gazetteer.find(city, code);
            String key = place.map(p ->
                            "placed|" + p.countryCode() + "|" + p.name() + "|" + p.latitude() + "|" + p.longitude())
                    .orElseGet(() ->
                            "unplaced|" + PlaceNames.key(city) + "|" + (code != null ? code : PlaceNames.key(given)));
            var group = groups.computeIfAbsent(key, k -> new Group(place.orElse(null), code));
            group.add(city, given, row.enterprise(), row.downloads());
        }
        return groups.values().stream()
                .map(Group::town)
                .sorted(Comparator.comparing((DownloaderTown t) -> sortKey(t.country()))
                        .thenComparing(t -> sortKey(t.city())))
                .toList();
    }

    /**
     * A typed town that looks like an email address or a link is not a town: it is never published,
     * whatever the box said. Everything else was typed as the person's town and agreed to be shown.
     */
    static boolean showable(String city) {
        return city != null && !city.isBlank() && !city.contains("@") && !city.contains("://");
    }

    private static String sortKey(String text) {
        return text == null ? "\uffff" : PlaceNames.key(text);
    }

    private static final class Group {
        private final Gazetteer.Place place;
        private final String countryCode;
        private final Map<String, Long> citySpellings = new HashMap<>();
        private final Map<String, Long> countrySpellings = new HashMap<>();
        private final Map<String, Long> byEnterprise = new TreeMap<>();
        private long downloads;

        Group(Gazetteer.Place place, String countryCode) {
            this.place = place;
            this.countryCode = place != null ? place.countryCode() : countryCode;
        }

        void add(String city, String country, String enterprise, long count) {
            downloads += count;
            citySpellings.merge(city, count, Long::sum);
            if (country != null) {
                countrySpellings.merge(country, count, Long::sum);
            }
            byEnterprise.merge(enterprise, count, Long::sum);
        }

        DownloaderTown town() {
            var shownByEnterprise = new TreeMap<String, Long>();
            if (downloads >= DownloaderTown.SMALLEST_GROUP_SHOWN) {
                byEnterprise.forEach((slug, n) -> {
                    if (n >= DownloaderTown.SMALLEST_GROUP_SHOWN) {
                        shownByEnterprise.put(slug, n);
                    }
                });
            }
            return new DownloaderTown(
                    place != null ? place.name() : mostCommon(citySpellings),
                    countryCode,
                    countryCode != null ? Countries.englishName(countryCode) : mostCommon(countrySpellings),
                    place != null ? place.latitude() : null,
                    place != null ? place.longitude() : null,
                    downloads >= DownloaderTown.SMALLEST_GROUP_SHOWN ? downloads : null,
                    shownByEnterprise);
        }

        /** The spelling given most often; ties go to the first in alphabetical order, so it is stable. */
        private static String mostCommon(Map<String, Long> spellings) {
            return spellings.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }
    }
}
