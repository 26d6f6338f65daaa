package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_enrol_in_cohort: a cohort with a free place, and the number of milestones of the curriculum. */
@Component("enrolInCohort")
class EnrolInCohort implements JavaDelegate {

    private final Training training;

    EnrolInCohort(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var enrolment = training.enrol(APPLICATION_ID.get(execution));
        COHORT_ID.set(execution, enrolment.cohortId());
        MILESTONE_COUNT.set(execution, enrolment.milestoneCount());
    }
}
