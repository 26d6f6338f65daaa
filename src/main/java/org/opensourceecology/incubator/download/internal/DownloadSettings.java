package org.opensourceecology.incubator.download.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incubator.download.*}: when the follow-up invitation goes out after the manual link, and how
 * long after it the follow-up ends without an answer.
 */
@ConfigurationProperties("incubator.download")
record DownloadSettings(
        @DefaultValue("P14D") Duration followUpDelay,
        @DefaultValue("P30D") Duration finalTimeout) {}
