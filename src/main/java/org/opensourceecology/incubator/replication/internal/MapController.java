package org.opensourceecology.incubator.replication.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

    MapController(ReplicatedEnterprises enterprises, ReplicationService replication, MapSettings settings) {
        this.enterprises = enterprises;
        this.replication = replication;
        this.settings = settings;
    }

    List<MapEntry> entries() {
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

    @GetMapping("/map")
    String map(Model model) {
        model.addAttribute("entries", entries());
        model.addAttribute("tileUrl", settings.tileUrl());
        model.addAttribute("tileAttribution", settings.tileAttribution());
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
