package org.opensourceecology.incubator.training.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MilestoneSubmissions extends JpaRepository<MilestoneSubmission, Long> {

    List<MilestoneSubmission> findByApplicationIdOrderBySubmittedAt(Long applicationId);

    long countByApplicationIdAndMilestoneId(Long applicationId, Long milestoneId);
}
