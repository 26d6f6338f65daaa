package org.opensourceecology.incubator.certification;

import java.time.YearMonth;
import java.util.SortedMap;

/** Certification figures for OSE's success metrics, computed in SQL. */
public interface CertificationStatistics {

    /** Distinct (holder, enterprise) pairs with a certificate valid today (metric 4). */
    long countCertifiedEnterprises();

    SortedMap<YearMonth, Long> certificatesIssuedByMonth();
}
