package org.opensourceecology.incubator.metrics.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the metrics module (prefix {@code incubator.metrics}).
 *
 * @param cacheTtl how long computed metrics are served before they are computed again; the public
 *     pages, the API and Prometheus scrapes share one snapshot
 * @param refreshInterval how often the snapshot is recomputed in the background, so that requests
 *     never wait for the queries (keep it below {@code cacheTtl})
 * @param idleAfter the background refresh pauses when nobody has read the metrics for this long (no
 *     page, API call or Prometheus scrape); the next reader then waits for one computation
 */
@ConfigurationProperties("incubator.metrics")
record MetricsSettings(
        @DefaultValue("PT10S") Duration cacheTtl,
        @DefaultValue("PT5S") Duration refreshInterval,
        @DefaultValue("PT2M") Duration idleAfter) {}
