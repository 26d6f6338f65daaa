package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Refuses to complete a sign-off without a decision, or a return without a comment for the trainee. */
@Component("checkSignOffDecision")
class CheckSignOffDecision implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String decision = SIGN_OFF_DECISION.getOrDefault(task, "");
        if (!APPROVE.equals(decision) && !RETURN.equals(decision)) {
            throw new BadUserRequestException("Please approve the milestone or return it.");
        }
        if (RETURN.equals(decision) && MENTOR_COMMENT.getOrDefault(task, "").isBlank()) {
            throw new BadUserRequestException("Please tell the trainee what to improve.");
        }
    }
}
