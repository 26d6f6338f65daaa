package org.opensourceecology.incubator.replication.internal;

import static org.opensourceecology.incubator.replication.ReplicationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code service_assess_viability}: measures the enterprise against OSE's thresholds; one that falls
 * short gets a mentor follow-up.
 */
@Component("assessViability")
class AssessViability implements JavaDelegate {

    private final ReplicationService replication;

    AssessViability(ReplicationService replication) {
        this.replication = replication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var assessment = replication.assessViability(REPLICATED_ENTERPRISE_ID.get(execution));
        VIABLE.set(execution, assessment.viable());
        VIABILITY_SUMMARY.set(execution, assessment.summary());
    }
}
