package org.opensourceecology.incubator.training.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Cohorts extends JpaRepository<Cohort, Long> {

    List<Cohort> findByEnterpriseSlugOrderByStartDateAscIdAsc(String enterpriseSlug);
}
