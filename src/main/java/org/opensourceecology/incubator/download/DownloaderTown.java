package org.opensourceecology.incubator.download;

import java.util.SortedMap;

/**
 * A town where people who downloaded an Operations Manual agreed to be shown on the public map: only
 * the town, never an email, a name or a time. Downloads from the same town (same place in the
 * gazetteer, or the same spelling of an unknown town in the same country) are added up.
 *
 * @param city the town: its gazetteer name when it was found, otherwise the spelling most downloaders gave
 * @param countryCode ISO 3166-1 alpha-2 code when the country was recognised (or found from the town), else null
 * @param country the country's English name when recognised, else the spelling given (null when none was given)
 * @param latitude the town's centre to two decimals, null when the town is not in the gazetteer
 * @param longitude the town's centre to two decimals, null when the town is not in the gazetteer
 * @param downloads how many consenting downloads came from there; null when fewer than {@link
 *     #SMALLEST_GROUP_SHOWN}: a single downloader's town is shown by name and nothing else
 * @param downloadsByEnterprise downloads per enterprise slug, only for enterprises downloaded at least
 *     {@link #SMALLEST_GROUP_SHOWN} times from there (what one person chose is never shown)
 */
public record DownloaderTown(
        String city,
        String countryCode,
        String country,
        Double latitude,
        Double longitude,
        Long downloads,
        SortedMap<String, Long> downloadsByEnterprise) {

    /** Counts below this are not published: they would describe what one identifiable person did. */
    public static final int SMALLEST_GROUP_SHOWN = 2;

    public DownloaderTown {
        downloadsByEnterprise =
                java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(downloadsByEnterprise));
    }

    /** Whether the town was found in the gazetteer and so has a place on the map. */
    public boolean placed() {
        return latitude != null && longitude != null;
    }
}
