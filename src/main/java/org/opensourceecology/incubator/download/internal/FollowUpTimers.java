package org.opensourceecology.incubator.download.internal;

import org.springframework.stereotype.Component;

/** The timer durations of {@code operations-manual-follow-up} as ISO-8601 strings for its BPMN timers. */
@Component("followUpTimers")
public class FollowUpTimers {

    private final DownloadSettings settings;

    FollowUpTimers(DownloadSettings settings) {
        this.settings = settings;
    }

    public String followUpDelay() {
        return settings.followUpDelay().toString();
    }

    public String finalTimeout() {
        return settings.finalTimeout().toString();
    }
}
