package org.opensourceecology.incubator.replication.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensourceecology.incubator.download.DownloaderTown;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /map}: where replicated enterprises run, as pins and as a plain list that works without
 * map tiles or JavaScript, and, as a second layer, the towns where people are learning (downloaders who
 * agreed to show their town, from the download module). {@code GET /api/map}: the same as GeoJSON, each
 * feature's {@code kind} saying which. Only what was consented to is shown, with coarse coordinates and
 * no owner ids, emails, times or other personal data.
 */
@Controller
class MapController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    /** GeoJSON {@code kind} of a replicated enterprise's feature. */
    static final String KIND_ENTERPRISE = "replicated-enterprise";

    /** GeoJSON {@code kind} of a town where people are learning (downloaders who consented). */
    static final String KIND_LEARNING_TOWN = "learning-town";

    /** One enterprise on the map; everything here is public. */
    record MapEntry(
            long id,
            String name,
            String enterprise,
            String designation,
            String status,
            String city,
            String country,
            Double latitude,
            Double longitude) {}

    private final ReplicatedEnterprises enterprises;
    private final ReplicationService replication;
    private final TownsOnTheMap towns;
    private final MapSettings settings;
    private final MessageSource messages;
    private final Clock clock;

    MapController(
            ReplicatedEnterprises enterprises,
            ReplicationService replication,
            TownsOnTheMap towns,
            MapSettings settings,
            MessageSource messages,
            Clock clock) {
        this.enterprises = enterprises;
        this.replication = replication;
        this.towns = towns;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    private record Snapshot(List<MapEntry> entries, Instant at, long changes, Optional<Instant> lastWithdrawal) {}

    private volatile Snapshot snapshot;

    /**
     * The enterprises on the map: reloaded after a change on this node, after a consent was withdrawn
     * on any node (one indexed query per request, so that a pin leaves every node's map at once), and at
     * least every {@code incubator.map.cache-ttl} (other changes on other nodes, certificates issued or
     * expired).
     */
    List<MapEntry> entries() {
        var current = snapshot;
        Instant now = clock.instant();
        long changes = replication.changes();
        // read before loading: a withdrawal committed in between is loaded and seen again next time
        Optional<Instant> lastWithdrawal = enterprises.lastMapConsentWithdrawal();
        if (current == null
                || current.changes() != changes
                || !current.lastWithdrawal().equals(lastWithdrawal)
                || !now.isBefore(current.at().plus(settings.cacheTtl()))) {
            current = new Snapshot(load(), now, changes, lastWithdrawal);
            snapshot = current;
        }
        return current.entries();
    }

    private List<MapEntry> load() {
        var onMap = enterprises.findOnMap();
        var designations = replication.designations(onMap);
        return onMap.stream()
                .map(e -> new MapEntry(
                        e.getId(),
                        e.getName(),
                        e.getEnterpriseSlug(),
                        designations.get(e.getId()).key(),
                        e.getStatus().name().toLowerCase(java.util.Locale.ROOT),
                        e.getCity(),
                        e.getCountry(),
                        e.getLatitude() == null ? null : e.getLatitude().doubleValue(),
                        e.getLongitude() == null ? null : e.getLongitude().doubleValue()))
                .toList();
    }

    /** A row of the list under the map, its labels resolved once per page rather than once per row. */
    record Row(MapEntry entry, String designation, String status) {}

    /** A row of the list of towns where people are learning, with the country named in the page's language. */
    record TownRow(DownloaderTown town, String country) {}

    /** One page of a list under the map: its rows, which page of how many, rows first to last of total. */
    record ListPage<T>(List<T> rows, int page, int pages, int first, int last, int total) {

        static <S, T> ListPage<T> of(List<S> all, int requested, java.util.function.Function<S, T> toRow) {
            int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
            int page = Math.min(Math.max(requested, 1), pages);
            var rows = all.subList((page - 1) * PAGE_SIZE, Math.min(all.size(), page * PAGE_SIZE)).stream()
                    .map(toRow)
                    .toList();
            int first = all.isEmpty() ? 0 : (page - 1) * PAGE_SIZE + 1;
            return new ListPage<>(rows, page, pages, first, (page - 1) * PAGE_SIZE + rows.size(), all.size());
        }
    }

    /** Rows per page of each list under the map; the pins show everything. */
    static final int PAGE_SIZE = 100;

    @GetMapping("/map")
    String map(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "1") int townPage,
            Model model,
            Locale locale,
            HttpServletRequest request) {
        var labels = new HashMap<String, String>();
        var list = ListPage.of(
                entries(),
                page,
                e -> new Row(
                        e,
                        labels.computeIfAbsent(
                                "designation." + e.designation(), k -> messages.getMessage(k, null, locale)),
                        labels.computeIfAbsent("status." + e.status(), k -> messages.getMessage(k, null, locale))));
        model.addAttribute("entries", list.rows());
        model.addAttribute("total", list.total());
        model.addAttribute("page", list.page());
        model.addAttribute("pages", list.pages());
        model.addAttribute("first", list.first());
        model.addAttribute("last", list.last());
        var townList = towns.towns();
        model.addAttribute("towns", ListPage.of(townList, townPage, t -> new TownRow(t, countryName(t, locale))));
        model.addAttribute(
                "townsPlaced", townList.stream().filter(DownloaderTown::placed).count());
        model.addAttribute("tileUrl", settings.tileUrl());
        model.addAttribute("tileAttribution", settings.tileAttribution());
        // slugs are kebab-case (validated on registration): safe to append to a path as they are
        model.addAttribute("enterprisesBase", request.getContextPath() + "/enterprises/");
        return "replication/map";
    }

    @GetMapping("/api/map")
    ResponseEntity<Map<String, Object>> geoJson() {
        var features = new ArrayList<Map<String, Object>>();
        for (MapEntry entry : entries()) {
            if (entry.latitude() == null || entry.longitude() == null) {
                continue;
            }
            var properties = new LinkedHashMap<String, Object>();
            properties.put("kind", KIND_ENTERPRISE);
            properties.put("id", entry.id());
            properties.put("name", entry.name());
            properties.put("enterprise", entry.enterprise());
            properties.put("designation", entry.designation());
            properties.put("status", entry.status());
            properties.put("city", entry.city());
            properties.put("country", entry.country());
            features.add(feature(entry.longitude(), entry.latitude(), properties));
        }
        for (DownloaderTown town : towns.towns()) {
            if (!town.placed()) {
                continue; // listed on /map only: the gazetteer does not know where it is
            }
            var properties = new LinkedHashMap<String, Object>();
            properties.put("kind", KIND_LEARNING_TOWN);
            properties.put("city", town.city());
            properties.put("country", town.country());
            properties.put("countryCode", town.countryCode());
            if (town.downloads() != null) {
                properties.put("downloads", town.downloads());
            }
            if (!town.downloadsByEnterprise().isEmpty()) {
                properties.put("enterprises", town.downloadsByEnterprise());
            }
            features.add(feature(town.longitude(), town.latitude(), properties));
        }
        var collection = new LinkedHashMap<String, Object>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return ResponseEntity.ok().contentType(GEO_JSON).body(collection);
    }

    private static Map<String, Object> feature(double longitude, double latitude, Map<String, Object> properties) {
        var feature = new LinkedHashMap<String, Object>();
        feature.put("type", "Feature");
        var geometry = new LinkedHashMap<String, Object>();
        geometry.put("type", "Point");
        geometry.put("coordinates", List.of(longitude, latitude)); // GeoJSON: longitude first
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

    /** The country of a town in the page's language when it was recognised, else as it was typed. */
    static String countryName(DownloaderTown town, Locale locale) {
        if (town.countryCode() != null) {
            return new Locale("", town.countryCode()).getDisplayCountry(locale);
        }
        return town.country() == null ? "" : town.country();
    }
}
