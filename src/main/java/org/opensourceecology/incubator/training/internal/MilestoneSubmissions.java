package org.opensourceecology.incubator.training.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MilestoneSubmissions extends JpaRepository<MilestoneSubmission, Long> {

    List<MilestoneSubmission> findByApplicationIdInOrderBySubmittedAt(List<Long> applicationIds);

    long countByApplicationIdAndMilestoneId(Long applicationId, Long milestoneId);
}
