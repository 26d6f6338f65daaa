package org.opensourceecology.incubator.catalog;

/**
 * How many signed-off milestones trainees of an enterprise document publicly (with their consent),
 * shown on its catalog page with a link to that documentation. Implemented by the training module
 * (which depends on the catalog, not the other way round).
 */
public interface DocumentationCounts {

    long countPublicMilestones(String enterpriseSlug);
}
