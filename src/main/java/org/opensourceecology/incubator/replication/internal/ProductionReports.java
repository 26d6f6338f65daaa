package org.opensourceecology.incubator.replication.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProductionReports extends JpaRepository<ProductionReport, Long> {

    List<ProductionReport> findByEnterpriseIdOrderByPeriodStart(Long enterpriseId);

    boolean existsByEnterpriseIdAndPeriodStart(Long enterpriseId, java.time.LocalDate periodStart);

    @Query("select distinct r.enterpriseId from ProductionReport r where r.enterpriseId in :ids")
    Set<Long> findReportingAmong(Collection<Long> ids);

    @Query("select distinct r.enterpriseId from ProductionReport r")
    Set<Long> findAllReporting();
}
