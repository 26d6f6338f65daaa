package org.opensourceecology.incubator.metrics.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

/**
 * OSE's six success metrics at one moment, with their time series and the funnel. Serialised as
 * {@code GET /api/metrics}.
 */
record Metrics(
        long downloads,
        long enterprisesReplicated,
        long enterpriseSpecifications,
        long certifiedEnterprises,
        long productionVolume,
        SortedMap<String, BigDecimal> marketValue,
        List<Month> byMonth,
        List<FunnelStep> funnel) {

    /** What happened in one calendar month (UTC). */
    record Month(
            String month,
            long downloads,
            long enterprisesReplicated,
            long enterpriseSpecifications,
            long certificatesIssued,
            long applications,
            long productionVolume) {}

    /** One step from a download to a reporting enterprise. */
    record FunnelStep(String step, long count) {}
}
