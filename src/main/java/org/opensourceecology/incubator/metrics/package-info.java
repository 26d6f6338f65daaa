/**
 * OSE's success metrics, computed in SQL over the other modules' tables: downloads, replications,
 * specifications, certified enterprises, production volume and market value.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metrics")
package org.opensourceecology.incubator.metrics;
