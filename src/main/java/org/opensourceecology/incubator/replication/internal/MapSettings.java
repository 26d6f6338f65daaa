package org.opensourceecology.incubator.replication.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public map (prefix {@code incubator.map}). An empty tile URL draws pins on a plain background;
 * the list under the map works either way. The map's data is recomputed at most every {@code cacheTtl}.
 */
@ConfigurationProperties("incubator.map")
record MapSettings(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        String tileUrl,

        @DefaultValue("&copy; OpenStreetMap contributors") String tileAttribution,
        @DefaultValue("PT30S") Duration cacheTtl) {}
