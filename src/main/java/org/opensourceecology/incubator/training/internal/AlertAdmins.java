package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_alert_admins: a sign-off is overdue; admins may reassign it. */
@Component("alertAdmins")
class AlertAdmins implements JavaDelegate {

    private final Training training;

    AlertAdmins(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        training.alertAdmins(MENTOR_ID.get(execution), MILESTONE_TITLE.get(execution), TRAINEE_NAME.get(execution));
    }
}
