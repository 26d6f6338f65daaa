/**
 * Immersion training: applications, cohorts, curricula of milestones, evidence
 * submitted by trainees and signed off by mentors.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Immersion training")
package org.opensourceecology.incubator.training;
