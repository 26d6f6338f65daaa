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
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /map}: where replicated enterprises run, as pins and as a plain list that works without
 * map tiles or JavaScript. {@code GET /api/map}: the same as GeoJSON. Only enterprises whose owners
 * consented are shown, with coarse coordinates and no owner ids or other personal data.
 */
@Controller
class MapController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

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
    private final MapSettings settings;
    private final MessageSource messages;
    private final Clock clock;

    MapController(
            ReplicatedEnterprises enterprises,
            ReplicationService replication,
            MapSettings settings,
            MessageSource messages,
            Clock clock) {
        this.enterprises = enterprises;
        this.replication = replication;
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

    /** Rows per page of the list under the map; the pins show every enterprise. */
    static final int PAGE_SIZE = 100;

    @GetMapping("/map")
    String map(@RequestParam(defaultValue = "1") int page, Model model, Locale locale, HttpServletRequest request) {
        var all = entries();
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        var labels = new HashMap<String, String>();
        var rows = all.subList((current - 1) * PAGE_SIZE, Math.min(all.size(), current * PAGE_SIZE)).stream()
                .map(e -> new Row(
                        e,
                        labels.computeIfAbsent(
                                "designation." + e.designation(), k -> messages.getMessage(k, null, locale)),
                        labels.computeIfAbsent("status." + e.status(), k -> messages.getMessage(k, null, locale))))
                .toList();
        model.addAttribute("entries", rows);
        model.addAttribute("total", all.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("first", all.isEmpty() ? 0 : (current - 1) * PAGE_SIZE + 1);
        model.addAttribute("last", (current - 1) * PAGE_SIZE + rows.size());
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
            properties.put("id", entry.id());
            properties.put("name", entry.name());
            properties.put("enterprise", entry.enterprise());
            properties.put("designation", entry.designation());
            properties.put("status", entry.status());
            properties.put("city", entry.city());
            properties.put("country", entry.country());
            var feature = new LinkedHashMap<String, Object>();
            feature.put("type", "Feature");
            var geometry = new LinkedHashMap<String, Object>();
            geometry.put("type", "Point");
            geometry.put("coordinates", List.of(entry.longitude(), entry.latitude())); // GeoJSON: longitude first
            feature.put("geometry", geometry);
            feature.put("properties", properties);
            features.add(feature);
        }
        var collection = new LinkedHashMap<String, Object>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return ResponseEntity.ok().contentType(GEO_JSON).body(collection);
    }
}
