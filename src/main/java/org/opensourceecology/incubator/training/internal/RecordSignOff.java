package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_sign_off: stores the mentor's decision and mails the trainee. */
@Component("recordSignOff")
class RecordSignOff implements JavaDelegate {

    private final Training training;

    RecordSignOff(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = training.recordSignOff(
                SUBMISSION_ID.get(execution),
                APPROVE.equals(SIGN_OFF_DECISION.get(execution)),
                MENTOR_COMMENT.getOrDefault(execution, null),
                MENTOR_ID.get(execution),
                MILESTONE_TITLE.get(execution));
        MILESTONE_APPROVED.set(execution, approved);
    }
}
