package org.opensourceecology.incubator.training.internal;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TrainingApplications extends JpaRepository<TrainingApplication, Long> {

    /**
     * A trainee's applications, newest first, for their journey page. String queries, like the mentor's
     * below: Hibernate 6.6 caches the SQL of a JPQL string but translates a derived (criteria) query anew
     * on every call.
     */
    @Query("select a from TrainingApplication a where a.traineeId = :traineeId order by a.submittedAt desc")
    List<TrainingApplication> findByTraineeIdOrderBySubmittedAtDesc(String traineeId);

    /** A mentor's trainees' applications, newest first, for the mentor's page. */
    @Query("select a from TrainingApplication a where a.mentorId = :mentorId order by a.submittedAt desc")
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
