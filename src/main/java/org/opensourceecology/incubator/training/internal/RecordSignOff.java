package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;
import static org.opensourceecology.incubator.training.internal.EarlierTrainingVersions.MILESTONE_APPROVED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_record_sign_off: stores the mentor's decision on the milestone's latest attempt and tells the
 * trainee of a sign-off. The gateway after it reads the decision itself.
 */
@Component("recordSignOff")
class RecordSignOff implements JavaDelegate {

    private final Training training;
    private final EarlierTrainingVersions earlierVersions;

    RecordSignOff(Training training, EarlierTrainingVersions earlierVersions) {
        this.training = training;
        this.earlierVersions = earlierVersions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = APPROVE.equals(SIGN_OFF_DECISION.get(execution));
        training.recordSignOff(
                APPLICATION_ID.get(execution),
                MILESTONE_ID.get(execution),
                approved,
                MENTOR_COMMENT.getOrDefault(execution, null),
                MENTOR_ID.get(execution),
                MILESTONE_TITLE.get(execution));
        if (earlierVersions.of(execution).milestoneApproved()) {
            MILESTONE_APPROVED.set(execution, approved);
        }
    }
}
