package org.opensourceecology.incubator.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incubator.rate-limit.*}: how many public POSTs (downloads, login, unsubscribe) one client
 * may send per window. Clients are told apart by address, held in memory only and never stored.
 */
@ConfigurationProperties("incubator.rate-limit")
record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30") int requestsPerWindow,
        @DefaultValue("PT1M") Duration window,
        @DefaultValue("10000") int maxTrackedClients) {}
