/**
 * Privacy: export and erasure of everything held about a person, consent and retention. Modules plug
 * in through {@link org.opensourceecology.incubator.privacy.PersonalData}; this module depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package org.opensourceecology.incubator.privacy;
