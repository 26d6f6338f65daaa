package org.opensourceecology.incubator.replication.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReplicatedEnterprises extends JpaRepository<ReplicatedEnterprise, Long> {

    /** Enterprises whose owners agreed to be on the public map and that are not closed. */
    @Query(
            "select e from ReplicatedEnterprise e where e.consentMap = true and e.status <> 'CLOSED' order by e.country, e.city, e.name")
    List<ReplicatedEnterprise> findOnMap();

    /**
     * When a consent to the map was last withdrawn (by its owner or an erasure), on any node: the map's
     * cache reloads when this changes, so a pin leaves every node's map at once. An indexed max.
     */
    @Query("select max(e.mapConsentWithdrawnAt) from ReplicatedEnterprise e")
    Optional<Instant> lastMapConsentWithdrawal();

    /** The enterprises the user owns or co-owns, newest first. */
    @Query(
            "select e from ReplicatedEnterprise e where e.ownerId = :userId or :userId member of e.coOwnerIds order by e.registeredAt desc, e.id desc")
    List<ReplicatedEnterprise> findOwnedBy(@Param("userId") String userId);
}
