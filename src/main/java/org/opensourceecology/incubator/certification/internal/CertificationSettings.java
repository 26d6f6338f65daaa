package org.opensourceecology.incubator.certification.internal;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Certificate validity and renewal reminder, and how the issuer presents itself in Open Badges.
 *
 * @param validity how long a certificate (and each renewal) is valid
 * @param renewalReminderBeforeExpiry how long before expiry the holder is reminded to renew
 */
@ConfigurationProperties(prefix = "incubator.certification")
record CertificationSettings(
        @DefaultValue("P1Y") Period validity,
        @DefaultValue("P30D") Period renewalReminderBeforeExpiry,
        @DefaultValue("Open Source Ecology") String issuerName,
        @DefaultValue("https://www.opensourceecology.org") String issuerUrl) {}
