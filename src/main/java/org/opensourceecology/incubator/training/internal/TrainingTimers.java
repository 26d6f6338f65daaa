package org.opensourceecology.incubator.training.internal;

import org.springframework.stereotype.Component;

/**
 * The sign-off timers of {@code immersion-training} as ISO 8601 durations, for BPMN expressions such as
 * {@code ${trainingTimers.mentorReminder()}}. Public so that the expression language can call it.
 */
@Component("trainingTimers")
public class TrainingTimers {

    private final TrainingSettings settings;

    public TrainingTimers(TrainingSettings settings) {
        this.settings = settings;
    }

    public String mentorReminder() {
        return settings.mentorReminder().toString();
    }

    public String adminEscalation() {
        return settings.adminEscalation().toString();
    }
}
