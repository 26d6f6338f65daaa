package org.opensourceecology.incubator.training.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CurriculumMilestones extends JpaRepository<CurriculumMilestone, Long> {

    List<CurriculumMilestone> findByCurriculumIdOrderByPosition(Long curriculumId);

    /** The id of the newest curriculum version of an enterprise. */
    @Query(
            value =
                    "select id from curriculum where enterprise_slug = :slug order by version desc fetch first 1 rows only",
            nativeQuery = true)
    Optional<Long> latestCurriculumId(String slug);
}
