package org.opensourceecology.incubator.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The catalog of enterprise specifications. */
public interface EnterpriseSpecifications extends JpaRepository<EnterpriseSpecification, Long> {

    /** With its revenue models and assets, so pages can render them after the transaction. */
    @EntityGraph(attributePaths = {"revenueModels", "assets"})
    Optional<EnterpriseSpecification> findBySlug(String slug);

    List<EnterpriseSpecification> findByStatusOrderByName(EnterpriseSpecification.Status status);

    boolean existsBySlug(String slug);

    /** Published specifications whose name contains {@code name} (any case) in {@code category} (if given). */
    @Query("""
            select s from EnterpriseSpecification s
            where s.status = org.opensourceecology.incubator.catalog.EnterpriseSpecification.Status.PUBLISHED
              and (:name = '' or lower(s.name) like lower(concat('%', :name, '%')))
              and (:category = '' or s.category = :category)
            order by s.name""")
    List<EnterpriseSpecification> searchPublished(@Param("name") String name, @Param("category") String category);

    @Query("""
            select distinct s.category from EnterpriseSpecification s
            where s.status = org.opensourceecology.incubator.catalog.EnterpriseSpecification.Status.PUBLISHED
            order by s.category""")
    List<String> publishedCategories();

    /**
     * The Operations Manual link of a published specification, without loading the specification: what
     * a download needs (a string query: derived queries serialise concurrent callers on a lock in
     * Spring Data JPA 3.5, which the download benchmark showed at 16 clients).
     */
    @Query("""
            select s.operationsManualUrl from EnterpriseSpecification s
            where s.slug = :slug
              and s.status = org.opensourceecology.incubator.catalog.EnterpriseSpecification.Status.PUBLISHED""")
    Optional<String> findPublishedOperationsManualUrl(@Param("slug") String slug);

    /**
     * The name of the specification with this slug, without loading it: what pages that only name an
     * enterprise need (findBySlug fetches its revenue models and assets too: 8% of the CPU of the mentor's
     * page, bench/run c).
     */
    @Query("select s.name from EnterpriseSpecification s where s.slug = :slug")
    Optional<String> findNameBySlug(@Param("slug") String slug);

    default Optional<EnterpriseSpecification> findPublished(String slug) {
        return findBySlug(slug).filter(EnterpriseSpecification::isPublished);
    }

    default List<EnterpriseSpecification> findAllPublished() {
        return findByStatusOrderByName(EnterpriseSpecification.Status.PUBLISHED);
    }
}
