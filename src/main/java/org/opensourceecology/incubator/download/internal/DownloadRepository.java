package org.opensourceecology.incubator.download.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DownloadRepository extends JpaRepository<Download, Long> {

    /** count(*) over the index on specification_slug. */
    long countBySpecificationSlug(String specificationSlug);

    Optional<Download> findByUnsubscribeToken(String unsubscribeToken);
}
