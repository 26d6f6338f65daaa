package org.opensourceecology.incubator.replication.internal;

import static org.opensourceecology.incubator.replication.ReplicationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code service_close_replicated_enterprise}: the enterprise is closed for good. */
@Component("closeReplicatedEnterprise")
class CloseReplicatedEnterprise implements JavaDelegate {

    private final ReplicationService replication;

    CloseReplicatedEnterprise(ReplicationService replication) {
        this.replication = replication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        replication.close(REPLICATED_ENTERPRISE_ID.get(execution));
    }
}
