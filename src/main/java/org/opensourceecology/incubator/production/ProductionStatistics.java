package org.opensourceecology.incubator.production;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.SortedMap;

/** Figures of verified production runs only (unverified runs never count), computed in SQL. */
public interface ProductionStatistics {

    long countVerifiedRuns();

    /** Distinct people with at least one verified run (funnel step "verified production"). */
    long countProducersWithVerifiedRun();

    /** Units built in verified runs (part of metric 5). */
    long verifiedUnitsBuilt();

    /** Units sold times unit price in verified runs, per ISO 4217 currency (part of metric 6). */
    SortedMap<String, BigDecimal> verifiedSalesValueByCurrency();

    SortedMap<YearMonth, Long> verifiedUnitsByMonth();
}
