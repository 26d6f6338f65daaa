/**
 * Replicated enterprises: registration, periodic production reports, lapsing, viability flags and the
 * public map. Designation (certified, OSE compatible, inspired) is derived, never stored.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Replication")
package org.opensourceecology.incubator.replication;
