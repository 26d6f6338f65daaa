package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_record_submission: stores the evidence the trainee submitted as a new attempt. */
@Component("recordSubmission")
class RecordSubmission implements JavaDelegate {

    private final Training training;

    RecordSubmission(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long submissionId = training.recordSubmission(
                APPLICATION_ID.get(execution),
                MILESTONE_ID.get(execution),
                EVIDENCE_URLS.getOrDefault(execution, null),
                NOTES.getOrDefault(execution, null),
                HOURS_SPENT.getOrDefault(execution, null));
        SUBMISSION_ID.set(execution, submissionId);
        SIGN_OFF_DUE_DATE.set(execution, training.signOffDue());
        // A returned milestone's decision and comment are on record; the mentor decides afresh.
        SIGN_OFF_DECISION.clear(execution);
        MENTOR_COMMENT.clear(execution);
    }
}
