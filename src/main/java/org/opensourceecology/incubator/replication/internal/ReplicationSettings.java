package org.opensourceecology.incubator.replication.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the replication module (prefix {@code incubator.replication}).
 *
 * @param reportingPeriod length of a reporting period (quarterly by default)
 * @param reportDueAfter how long after a period ends its report is due; the owner is reminded then
 * @param lapseAfterMissed consecutive missed reports after which an enterprise lapses
 * @param reportingWindow how recent a report must be for the enterprise to count as "reporting"
 * @param viability OSE's thresholds for a replicable enterprise
 */
@ConfigurationProperties("incubator.replication")
record ReplicationSettings(
        @DefaultValue("P3M") Period reportingPeriod,
        @DefaultValue("P30D") Duration reportDueAfter,
        @DefaultValue("2") int lapseAfterMissed,
        @DefaultValue("P120D") Duration reportingWindow,
        @DefaultValue Viability viability) {

    /**
     * @param maxStartupCost start-up cost at most this much
     * @param maxBreakevenMonths the start-up cost earned back within this many months
     * @param minHourlyEarnings at least this much earned per hour worked
     * @param currency the currency of the money thresholds; other currencies are not compared
     */
    record Viability(
            @DefaultValue("1000") BigDecimal maxStartupCost,
            @DefaultValue("3") int maxBreakevenMonths,
            @DefaultValue("15") BigDecimal minHourlyEarnings,
            @DefaultValue("USD") String currency) {}
}
