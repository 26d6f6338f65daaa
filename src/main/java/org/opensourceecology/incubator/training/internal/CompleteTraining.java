package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_complete_training: every milestone is signed off. */
@Component("completeTraining")
class CompleteTraining implements JavaDelegate {

    private final Training training;

    CompleteTraining(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        training.complete(APPLICATION_ID.get(execution));
        TRAINING_COMPLETED.set(execution, true);
    }
}
