/**
 * Replicated enterprises: registration, periodic production reports, lapsing and the public map.
 *
 */
@org.springframework.modulith.ApplicationModule(displayName = "Replication")
package org.opensourceecology.incubator.replication;
