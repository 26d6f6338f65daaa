package org.opensourceecology.incubator.replication.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReplicatedEnterprises extends JpaRepository<ReplicatedEnterprise, Long> {

    /** Enterprises whose owners agreed to be on the public map and that are not closed. */
    @Query(
            "select e from ReplicatedEnterprise e where e.consentMap = true and e.status <> 'CLOSED' order by e.country, e.city, e.name")
    List<ReplicatedEnterprise> findOnMap();
}
