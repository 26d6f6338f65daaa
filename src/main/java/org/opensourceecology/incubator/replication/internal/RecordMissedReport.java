package org.opensourceecology.incubator.replication.internal;

import static org.opensourceecology.incubator.replication.ReplicationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code service_record_missed_report}: counts the miss; the second in a row makes the enterprise lapse. */
@Component("recordMissedReport")
class RecordMissedReport implements JavaDelegate {

    private final ReplicationService replication;

    RecordMissedReport(ReplicationService replication) {
        this.replication = replication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        replication.recordMissedReport(REPLICATED_ENTERPRISE_ID.get(execution), PERIOD_LABEL.get(execution));
    }
}
