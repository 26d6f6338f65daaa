package org.opensourceecology.incubator.replication.internal;

import static org.opensourceecology.incubator.replication.ReplicationProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.opensourceecology.incubator.replication.ReplicationProcess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one way code starts the {@code replication} process and correlates its message. */
@Component
class ReplicationProcessPort {

    record Started(String processInstanceId, long replicatedEnterpriseId) {}

    private final RuntimeService runtime;

    ReplicationProcessPort(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts the process with every registration detail known; registration runs at once in this
     * transaction, so bad input leaves nothing behind. The provisional business key is replaced by the
     * enterprise id on registration.
     */
    @Transactional
    Started register(String ownerId, RegistrationDetails details) {
        var variables = Variables.createVariables();
        OWNER_ID.putIn(variables, ownerId);
        ENTERPRISE_SLUG.putIn(variables, details.enterpriseSlug());
        MENTOR_ID.putIn(variables, details.trainedBy());
        ENTERPRISE_NAME.putIn(variables, details.name());
        CITY.putIn(variables, details.city());
        COUNTRY.putIn(variables, details.country());
        LATITUDE.putIn(variables, details.latitude());
        LONGITUDE.putIn(variables, details.longitude());
        CONSENT_MAP.putIn(variables, details.consentMap());
        WEBSITE.putIn(variables, details.website());
        FOUNDED_ON.putIn(variables, details.foundedOn());
        STARTUP_COST.putIn(
                variables,
                details.startupCost() == null ? null : details.startupCost().doubleValue());
        STARTUP_COST_CURRENCY.putIn(variables, details.startupCostCurrency());
        var instance = runtime.createProcessInstanceByKey(ReplicationProcess.KEY)
                .businessKey("registration-" + UUID.randomUUID())
                .setVariables(variables)
                .executeWithVariablesInReturn();
        return new Started(
                instance.getId(),
                REPLICATED_ENTERPRISE_ID.from(instance.getVariables()).orElseThrow());
    }

    /**
     * Keeps the {@code consentMap} variable of the enterprise's running process (if any) equal to the
     * consent on its row, which is the record: the map reads the row, the process read the variable
     * only to register the enterprise.
     */
    @Transactional
    void mapConsentChanged(long enterpriseId, boolean consent) {
        runtime.createProcessInstanceQuery()
                .processDefinitionKey(ReplicationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(enterpriseId))
                .list()
                .forEach(instance -> runtime.setVariables(instance.getId(), CONSENT_MAP.with(consent)));
    }

    /**
     * Ends the enterprise's reporting and closes it.
     *
     * @return false when no process of that enterprise waits for the message
     */
    @Transactional
    boolean close(long enterpriseId) {
        var result = runtime.createMessageCorrelation(MESSAGE_ENTERPRISE_CLOSED)
                .processInstanceBusinessKey(String.valueOf(enterpriseId))
                .correlateAllWithResult();
        return !result.isEmpty();
    }
}
