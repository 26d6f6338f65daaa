package org.opensourceecology.incubator.catalog.internal;

import static org.opensourceecology.incubator.catalog.EnterpriseSpecificationProcess.REVIEW_COMMENTS;
import static org.opensourceecology.incubator.catalog.EnterpriseSpecificationProcess.SPECIFICATION_ID;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification.Status;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.notification.Notifications;
import org.springframework.stereotype.Component;

/** {@code service_send_back_specification}: back to draft, and the certifier's comments to the submitter. */
@Component("sendBackSpecification")
class SendBackSpecification implements JavaDelegate {

    static final String MAIL = "catalog-specification-sent-back";

    private final EnterpriseSpecifications specifications;
    private final Notifications notifications;

    SendBackSpecification(EnterpriseSpecifications specifications, Notifications notifications) {
        this.specifications = specifications;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var specification =
                specifications.findById(SPECIFICATION_ID.get(execution)).orElseThrow();
        specification.setStatus(Status.DRAFT);
        if (specification.getSubmittedBy() != null) {
            notifications.sendToUser(
                    specification.getSubmittedBy(),
                    MAIL,
                    Map.of(
                            "name", specification.getName(),
                            "slug", specification.getSlug(),
                            "comments", REVIEW_COMMENTS.getOrDefault(execution, "")));
        }
    }
}
