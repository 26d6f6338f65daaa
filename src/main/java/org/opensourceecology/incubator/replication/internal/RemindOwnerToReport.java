package org.opensourceecology.incubator.replication.internal;

import static org.opensourceecology.incubator.replication.ReplicationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code service_remind_owner}: the report is due; mails the owner. */
@Component("remindOwnerToReport")
class RemindOwnerToReport implements JavaDelegate {

    private final ReplicationService replication;

    RemindOwnerToReport(ReplicationService replication) {
        this.replication = replication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        replication.remindOwners(
                REPLICATED_ENTERPRISE_ID.get(execution), PERIOD_LABEL.get(execution), REPORT_DUE_DATE.get(execution));
    }
}
