package org.opensourceecology.incubator.catalog.internal;

import static org.opensourceecology.incubator.catalog.EnterpriseSpecificationProcess.SPECIFICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification.Status;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.springframework.stereotype.Component;

/** {@code service_resubmit_specification}: the revised specification is in review again. */
@Component("resubmitSpecification")
class ResubmitSpecification implements JavaDelegate {

    private final EnterpriseSpecifications specifications;

    ResubmitSpecification(EnterpriseSpecifications specifications) {
        this.specifications = specifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        specifications.findById(SPECIFICATION_ID.get(execution)).orElseThrow().setStatus(Status.IN_REVIEW);
    }
}
