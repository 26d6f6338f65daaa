package org.opensourceecology.incubator.training.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of immersion training ({@code incubator.training.*}).
 *
 * @param mentorReminder how long a sign-off may wait before the mentor is reminded
 * @param adminEscalation how long a sign-off may wait before admins are alerted
 * @param newCohortCapacity capacity of a cohort opened when every cohort of an enterprise is full
 */
@ConfigurationProperties("incubator.training")
public record TrainingSettings(
        @DefaultValue("P3D") Duration mentorReminder,
        @DefaultValue("P7D") Duration adminEscalation,
        @DefaultValue("12") int newCohortCapacity) {

    public static TrainingSettings defaults() {
        return new TrainingSettings(Duration.ofDays(3), Duration.ofDays(7), 12);
    }
}
