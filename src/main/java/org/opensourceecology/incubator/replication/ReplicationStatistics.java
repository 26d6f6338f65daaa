package org.opensourceecology.incubator.replication;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.SortedMap;

/** Replication figures for OSE's success metrics, computed in SQL. */
public interface ReplicationStatistics {

    /** Every enterprise ever registered, lapsed and closed ones included (metric 2). */
    long countReplicatedEnterprises();

    SortedMap<YearMonth, Long> replicatedByMonth();

    /** Units produced in the owners' reports (part of metric 5). */
    long reportedUnitsProduced();

    /** Sales value in the owners' reports, per ISO 4217 currency (part of metric 6). */
    SortedMap<String, BigDecimal> reportedSalesByCurrency();

    /** Reported units by the month their period started. */
    SortedMap<YearMonth, Long> reportedUnitsByMonth();

    /** Enterprises that reported within the last reporting period (funnel step "reporting"). */
    long countReportingEnterprises();
}
