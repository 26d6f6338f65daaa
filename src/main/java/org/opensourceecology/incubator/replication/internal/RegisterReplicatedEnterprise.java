package org.opensourceecology.incubator.replication.internal;

import static org.opensourceecology.incubator.replication.ReplicationProcess.*;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code service_register_replicated_enterprise}: stores the enterprise, makes its id the business key
 * and schedules the end of its first reporting period.
 */
@Component("registerReplicatedEnterprise")
class RegisterReplicatedEnterprise implements JavaDelegate {

    private final ReplicationService replication;

    RegisterReplicatedEnterprise(ReplicationService replication) {
        this.replication = replication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ownerId = OWNER_ID.get(execution);
        String mentorId = MENTOR_ID.find(execution).filter(m -> !m.isBlank()).orElse(null);
        var details = new RegistrationDetails(
                ENTERPRISE_NAME.get(execution),
                ENTERPRISE_SLUG.get(execution),
                CITY.get(execution),
                COUNTRY.get(execution),
                LATITUDE.find(execution).orElse(null),
                LONGITUDE.find(execution).orElse(null),
                CONSENT_MAP.getOrDefault(execution, false),
                WEBSITE.find(execution).orElse(null),
                FOUNDED_ON.find(execution).orElse(null),
                STARTUP_COST.find(execution).map(BigDecimal::valueOf).orElse(null),
                STARTUP_COST_CURRENCY.find(execution).filter(c -> !c.isBlank()).orElse(null),
                mentorId,
                List.of());
        var enterprise = replication.register(ownerId, details);
        REPLICATED_ENTERPRISE_ID.set(execution, enterprise.getId());
        MENTOR_ID.set(execution, enterprise.getTrainedBy());
        NEXT_PERIOD_START.set(execution, replication.firstPeriodEnd());
        execution.setProcessBusinessKey(String.valueOf(enterprise.getId()));
    }
}
