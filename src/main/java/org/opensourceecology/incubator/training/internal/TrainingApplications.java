package org.opensourceecology.incubator.training.internal;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TrainingApplications extends JpaRepository<TrainingApplication, Long> {

    List<TrainingApplication> findByTraineeIdOrderBySubmittedAtDesc(String traineeId);

    List<TrainingApplication> findByMentorIdOrderBySubmittedAtDesc(String mentorId);

    List<TrainingApplication> findByStatusOrderBySubmittedAt(TrainingApplication.Status status, Limit limit);

    long countByStatus(TrainingApplication.Status status);

    long countByCohortId(Long cohortId);

    /** Open trainees per mentor, for the least-loaded choice: [mentorId, count]. */
    @Query("select a.mentorId, count(a) from TrainingApplication a where a.mentorId in :mentors"
            + " and a.status in (org.opensourceecology.incubator.training.internal.TrainingApplication.Status.ACCEPTED,"
            + " org.opensourceecology.incubator.training.internal.TrainingApplication.Status.ENROLLED)"
            + " group by a.mentorId")
    List<Object[]> openTraineesPerMentor(List<String> mentors);
}
