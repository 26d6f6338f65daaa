/**
 * Certification: eligibility rules, the certifier's review, verifiable certificates with expiry,
 * renewal and revocation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certification")
package org.opensourceecology.incubator.certification;
