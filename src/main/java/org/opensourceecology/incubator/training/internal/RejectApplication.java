package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_reject_application: the application is rejected and the applicant told why. */
@Component("rejectApplication")
class RejectApplication implements JavaDelegate {

    private final Training training;

    RejectApplication(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        training.reject(APPLICATION_ID.get(execution), REJECTION_REASON.getOrDefault(execution, ""));
        TRAINING_COMPLETED.set(execution, false);
    }
}
