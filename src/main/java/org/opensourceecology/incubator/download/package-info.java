/**
 * Operations Manual downloads with voluntary, consented data collection,
 * and the follow-up process that invites a downloader to train or replicate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Downloads")
package org.opensourceecology.incubator.download;
