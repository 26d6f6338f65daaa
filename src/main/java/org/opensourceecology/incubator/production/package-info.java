/**
 * Dogfooded production runs: units built, costs, prices, sales and per-unit quality control,
 * verified by a mentor before they count.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Production runs")
package org.opensourceecology.incubator.production;
