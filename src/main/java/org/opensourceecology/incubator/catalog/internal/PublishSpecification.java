package org.opensourceecology.incubator.catalog.internal;

import static org.opensourceecology.incubator.catalog.EnterpriseSpecificationProcess.SPECIFICATION_ID;

import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification.Status;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.notification.Notifications;
import org.springframework.stereotype.Component;

/** {@code service_publish_specification}: the specification goes into the public catalog; the submitter hears so. */
@Component("publishSpecification")
class PublishSpecification implements JavaDelegate {

    static final String MAIL = "catalog-specification-published";

    private final EnterpriseSpecifications specifications;
    private final Notifications notifications;
    private final Clock clock;

    PublishSpecification(EnterpriseSpecifications specifications, Notifications notifications, Clock clock) {
        this.specifications = specifications;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var specification =
                specifications.findById(SPECIFICATION_ID.get(execution)).orElseThrow();
        specification.setStatus(Status.PUBLISHED);
        specification.setPublishedAt(clock.instant());
        if (specification.getSubmittedBy() != null) {
            notifications.sendToUser(
                    specification.getSubmittedBy(),
                    MAIL,
                    Map.of("name", specification.getName(), "slug", specification.getSlug()));
        }
    }
}
