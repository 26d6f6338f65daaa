package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_remind_trainee: the milestone has overrun its expected duration. */
@Component("remindTrainee")
class RemindTrainee implements JavaDelegate {

    private final Training training;

    RemindTrainee(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        training.remindTrainee(TRAINEE_ID.get(execution), MILESTONE_TITLE.get(execution));
    }
}
