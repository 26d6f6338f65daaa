package org.opensourceecology.incubator.catalog;

/**
 * How often an enterprise's Operations Manual was downloaded, shown on its catalog page. Implemented
 * by the download module (which depends on the catalog, not the other way round).
 */
public interface DownloadCounts {

    long countDownloads(String enterpriseSlug);
}
