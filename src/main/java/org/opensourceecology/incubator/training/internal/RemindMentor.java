package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_remind_mentor: a sign-off has been waiting too long. */
@Component("remindMentor")
class RemindMentor implements JavaDelegate {

    private final Training training;

    RemindMentor(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        training.remindMentor(MENTOR_ID.get(execution), MILESTONE_TITLE.get(execution), TRAINEE_NAME.get(execution));
    }
}
