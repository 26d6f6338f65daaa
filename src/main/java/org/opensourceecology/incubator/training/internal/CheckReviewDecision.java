package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses to complete a review without a decision, a rejection without a reason, or a non-mentor as mentor. */
@Component("checkReviewDecision")
class CheckReviewDecision implements TaskListener {

    private final Training training;

    CheckReviewDecision(Training training) {
        this.training = training;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = REVIEW_DECISION.getOrDefault(task, "");
        if (!ACCEPT.equals(decision) && !REJECT.equals(decision)) {
            throw new BadUserRequestException("Please accept or reject the application.");
        }
        if (REJECT.equals(decision) && REJECTION_REASON.getOrDefault(task, "").isBlank()) {
            throw new BadUserRequestException("Please give the applicant the reason for the rejection.");
        }
        String override = MENTOR_OVERRIDE.getOrDefault(task, "");
        if (ACCEPT.equals(decision) && !override.isBlank() && !training.isMentor(override.trim())) {
            throw new BadUserRequestException("'" + override + "' is not a member of group mentors.");
        }
    }
}
