package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;
import static org.opensourceecology.incubator.training.internal.EarlierTrainingVersions.SIGN_OFF_DUE_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_submission: stores the evidence the trainee submitted as a new attempt. */
@Component("recordSubmission")
class RecordSubmission implements JavaDelegate {

    private final Training training;
    private final EarlierTrainingVersions earlierVersions;

    RecordSubmission(Training training, EarlierTrainingVersions earlierVersions) {
        this.training = training;
        this.earlierVersions = earlierVersions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        training.recordSubmission(
                APPLICATION_ID.get(execution),
                MILESTONE_ID.get(execution),
                EVIDENCE_URLS.getOrDefault(execution, null),
                NOTES.getOrDefault(execution, null),
                HOURS_SPENT.getOrDefault(execution, null));
        if (earlierVersions.of(execution).signOffDueDate()) {
            SIGN_OFF_DUE_DATE.set(execution, training.signOffDue());
        }
        // A returned milestone's decision and comment are on record; the mentor decides afresh.
        SIGN_OFF_DECISION.clear(execution);
        MENTOR_COMMENT.clear(execution);
    }
}
