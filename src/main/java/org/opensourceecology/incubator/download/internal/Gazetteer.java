package org.opensourceecology.incubator.download.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Where a typed town is: the bundled GeoNames extract ({@code download/gazetteer/}, CC BY 4.0, see its
 * README), with no network and no geocoder. A town is placed only when the name (with the country, if
 * one is known) points at one place, or at several within {@value #SAME_PLACE_KM} km of one another;
 * “Maysville” in the United States is five towns and stays unplaced, “Maysville, Missouri” or
 * “Maysville, MO” is one. Loaded on first use (about 170,000 places).
 */
@Component
class Gazetteer {

    /** One place of the gazetteer; coordinates to two decimals. */
    record Place(String countryCode, String region, String name, double latitude, double longitude) {}

    /** Entries of one name closer than this are the same town listed twice. */
    static final double SAME_PLACE_KM = 30;

    private static final String PLACES = "download/gazetteer/places.tsv.gz";
    private static final String REGIONS = "download/gazetteer/regions.tsv";

    private record Index(Map<String, List<Place>> byName, Map<String, String> regionNames) {}

    private final Loader loader;
    private volatile Index index;

    /** A source of places and region names ({@code <country>.<region>} code to name). */
    interface Loader {
        List<Place> places();

        Map<String, String> regionNames();
    }

    Gazetteer() {
        this(new BundledLoader());
    }

    Gazetteer(Loader loader) {
        this.loader = loader;
    }

    /** A gazetteer of just these places (tests). */
    static Gazetteer of(List<Place> places, Map<String, String> regionNames) {
        return new Gazetteer(new Loader() {
            @Override
            public List<Place> places() {
                return places;
            }

            @Override
            public Map<String, String> regionNames() {
                return regionNames;
            }
        });
    }

    /**
     * The place of a town as typed, in the country with this ISO code (null: any country). “Town,
     * Region” narrows the town down by the region's name or code, “Town, Country” by the country when
     * none is known.
     */
    Optional<Place> find(String town, String countryCode) {
        if (town == null || town.isBlank()) {
            return Optional.empty();
        }
        var found = resolve(candidates(PlaceNames.key(town), countryCode), null);
        if (found.isPresent()) {
            return found;
        }
        int comma = town.indexOf(',');
        if (comma <= 0) {
            return Optional.empty();
        }
        String name = PlaceNames.key(town.substring(0, comma));
        String qualifier = town.substring(comma + 1);
        String country =
                countryCode != null ? countryCode : Countries.code(qualifier).orElse(null);
        return resolve(candidates(name, country), PlaceNames.key(qualifier));
    }

    private List<Place> candidates(String nameKey, String countryCode) {
        var all = index().byName().getOrDefault(nameKey, List.of());
        return countryCode == null
                ? all
                : all.stream().filter(p -> p.countryCode().equals(countryCode)).toList();
    }

    private Optional<Place> resolve(List<Place> candidates, String regionKey) {
        var places = candidates;
        if (regionKey != null && !regionKey.isEmpty() && places.size() > 1) {
            var regionNames = index().regionNames();
            var inRegion = places.stream()
                    .filter(p -> regionKey.equals(PlaceNames.key(p.region()))
                            || regionKey.equals(regionNames.get(p.countryCode() + "." + p.region())))
                    .toList();
            if (!inRegion.isEmpty()) {
                places = inRegion;
            }
        }
        if (places.isEmpty()) {
            return Optional.empty();
        }
        Place first = places.get(0);
        return places.stream().allMatch(p -> distanceKm(first, p) <= SAME_PLACE_KM)
                ? Optional.of(first)
                : Optional.empty();
    }

    static double distanceKm(Place a, Place b) {
        double la1 = Math.toRadians(a.latitude());
        double la2 = Math.toRadians(b.latitude());
        double dLat = la2 - la1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(la1) * Math.cos(la2) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private Index index() {
        var current = index;
        if (current == null) {
            synchronized (this) {
                current = index;
                if (current == null) {
                    current = build();
                    index = current;
                }
            }
        }
        return current;
    }

    private Index build() {
        var byName = new HashMap<String, List<Place>>(256 * 1024);
        for (Place place : loader.places()) {
            byName.computeIfAbsent(PlaceNames.key(place.name()), k -> new ArrayList<>(1))
                    .add(place);
        }
        var regionNames = new HashMap<String, String>();
        loader.regionNames().forEach((code, name) -> regionNames.put(code, PlaceNames.key(name)));
        byName.replaceAll((k, v) -> List.copyOf(v));
        return new Index(byName, regionNames);
    }

    /** Reads the files bundled under {@code download/gazetteer/}. */
    static final class BundledLoader implements Loader {

        @Override
        public List<Place> places() {
            var places = new ArrayList<Place>(180_000);
            var codes = new HashMap<String, String>(); // country and region codes repeat: one String each
            try (var reader = reader(new GZIPInputStream(new ClassPathResource(PLACES).getInputStream()))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String[] f = line.split("\t", -1);
                    places.add(new Place(
                            codes.computeIfAbsent(f[0], c -> c),
                            codes.computeIfAbsent(f[1], c -> c),
                            f[2],
                            Double.parseDouble(f[3]),
                            Double.parseDouble(f[4])));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the gazetteer " + PLACES, e);
            }
            return places;
        }

        @Override
        public Map<String, String> regionNames() {
            var names = new HashMap<String, String>();
            try (var reader = reader(new ClassPathResource(REGIONS).getInputStream())) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String[] f = line.split("\t", -1);
                    names.put(f[0], f[1]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the gazetteer " + REGIONS, e);
            }
            return names;
        }

        private static BufferedReader reader(InputStream in) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}
