package org.opensourceecology.incubator.download;

/** The port of the {@code operations-manual-follow-up} process for other modules. */
public interface FollowUps {

    /**
     * The person who downloaded with this email applied for immersion training: their follow-up
     * process ends. Does nothing when no follow-up is running for that email.
     */
    void trainingApplied(String email);
}
