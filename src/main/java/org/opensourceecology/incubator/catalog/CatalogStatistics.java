package org.opensourceecology.incubator.catalog;

import java.time.YearMonth;
import java.util.SortedMap;

/** Catalog figures for OSE's success metrics, computed in SQL. */
public interface CatalogStatistics {

    /** Published enterprise specifications (metric 3). */
    long countPublishedSpecifications();

    /** Specifications by the month they were published. */
    SortedMap<YearMonth, Long> publishedSpecificationsByMonth();
}
