package org.opensourceecology.incubator.privacy.internal;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incubator.privacy.*}: how long personal fields of downloads and finished journeys are kept
 * ({@code retention}, ISO-8601 period) and when the purge runs ({@code retention-cron}).
 */
@ConfigurationProperties("incubator.privacy")
record PrivacySettings(
        @DefaultValue("P2Y") Period retention,
        @DefaultValue("0 30 2 * * *") String retentionCron) {}
