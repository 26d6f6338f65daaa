package org.opensourceecology.incubator.catalog.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification;
import org.opensourceecology.incubator.catalog.EnterpriseSpecificationProcess;
import org.springframework.stereotype.Component;

/** The one port of the {@code enterprise-specification} process: starts a review, business key = slug. */
@Component
class SpecificationReviews {

    private final RuntimeService runtimeService;

    SpecificationReviews(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** @return the process instance id */
    String startReview(EnterpriseSpecification specification) {
        var variables = Variables.createVariables();
        EnterpriseSpecificationProcess.SPECIFICATION_ID.putIn(variables, specification.getId());
        EnterpriseSpecificationProcess.SLUG.putIn(variables, specification.getSlug());
        EnterpriseSpecificationProcess.SPECIFICATION_NAME.putIn(variables, specification.getName());
        EnterpriseSpecificationProcess.SUBMITTED_BY.putIn(variables, specification.getSubmittedBy());
        EnterpriseSpecificationProcess.LICENCES.putIn(
                variables,
                "hardware " + specification.getHardwareLicense() + ", software " + specification.getSoftwareLicense()
                        + ", documentation " + specification.getDocumentationLicense());
        return runtimeService
                .startProcessInstanceByKey(EnterpriseSpecificationProcess.KEY, specification.getSlug(), variables)
                .getId();
    }
}
