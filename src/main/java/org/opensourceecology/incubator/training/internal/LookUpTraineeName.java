package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of user_review_application: the trainee's display name as the process variable traineeName, so
 * that the names and descriptions of the review and milestone tasks say whose they are (task names are
 * evaluated when a task is created, before its create listeners run).
 */
@Component("lookUpTraineeName")
class LookUpTraineeName implements ExecutionListener {

    private final Training training;

    LookUpTraineeName(Training training) {
        this.training = training;
    }

    @Override
    public void notify(DelegateExecution execution) {
        TRAINEE_NAME.set(execution, training.displayName(TRAINEE_ID.get(execution)));
    }
}
