package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_assign_mentor: the reviewer's choice of mentor, or the least-loaded mentor of the enterprise. */
@Component("assignMentor")
class AssignMentor implements JavaDelegate {

    private final Training training;

    AssignMentor(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String mentorId =
                training.assignMentor(APPLICATION_ID.get(execution), MENTOR_OVERRIDE.getOrDefault(execution, null));
        MENTOR_ID.set(execution, mentorId);
        // Also set when the review task starts (LookUpTraineeName); kept here for instances whose review
        // began before that listener existed, whose milestone tasks need it too.
        TRAINEE_NAME.set(execution, training.displayName(TRAINEE_ID.get(execution)));
    }
}
