package org.opensourceecology.incubator.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The catalog of enterprise specifications. */
public interface EnterpriseSpecifications extends JpaRepository<EnterpriseSpecification, Long> {

    Optional<EnterpriseSpecification> findBySlug(String slug);

    List<EnterpriseSpecification> findByStatusOrderByName(EnterpriseSpecification.Status status);

    default Optional<EnterpriseSpecification> findPublished(String slug) {
        return findBySlug(slug).filter(EnterpriseSpecification::isPublished);
    }

    default List<EnterpriseSpecification> findAllPublished() {
        return findByStatusOrderByName(EnterpriseSpecification.Status.PUBLISHED);
    }
}
