package org.opensourceecology.incubator.training.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MilestoneSubmissions extends JpaRepository<MilestoneSubmission, Long> {

    List<MilestoneSubmission> findByApplicationIdInOrderBySubmittedAt(List<Long> applicationIds);

    /**
     * Attempts so far at a milestone, counted at each submission. A string query: Hibernate 6.6 keeps the
     * SQL of a JPQL string in its query plan cache, but translates a derived (criteria) query anew on every
     * call, which the journey-step benchmark's profile showed in the trainee's request.
     */
    @Query("select count(s) from MilestoneSubmission s where s.applicationId = :applicationId"
            + " and s.milestoneId = :milestoneId")
    long countByApplicationIdAndMilestoneId(Long applicationId, Long milestoneId);

    /** The latest attempt at a milestone: the one a sign-off decides (unique index on the three columns). */
    @Query("select s from MilestoneSubmission s where s.applicationId = :applicationId"
            + " and s.milestoneId = :milestoneId and s.attempt = (select max(t.attempt) from MilestoneSubmission t"
            + " where t.applicationId = :applicationId and t.milestoneId = :milestoneId)")
    Optional<MilestoneSubmission> findLatest(Long applicationId, Long milestoneId);
}
