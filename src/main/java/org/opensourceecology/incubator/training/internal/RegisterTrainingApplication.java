package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.JourneyProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_register_application of the journey: stores the application (refusing an enterprise that is
 * not published, so that Tasklist shows why and nothing is stored), sets applicationId and the
 * business key {@code application-<id>}, records the consent to public documentation when the box was
 * ticked, and ends the applicant's download follow-up.
 */
@Component("registerTrainingApplication")
class RegisterTrainingApplication implements JavaDelegate {

    static final String BUSINESS_KEY_PREFIX = "application-";

    private final Training training;

    RegisterTrainingApplication(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = training.register(new Training.Application(
                TRAINEE_ID.get(execution),
                ENTERPRISE_SLUG.getOrDefault(execution, null),
                MOTIVATION.getOrDefault(execution, null),
                PRIOR_SKILLS.getOrDefault(execution, null),
                CITY.getOrDefault(execution, null),
                COUNTRY.getOrDefault(execution, null),
                DOWNLOAD_EMAIL.getOrDefault(execution, null),
                CONSENT_PUBLIC_DOCUMENTATION.getOrDefault(execution, false)));
        APPLICATION_ID.set(execution, applicationId);
        execution.setProcessBusinessKey(BUSINESS_KEY_PREFIX + applicationId);
    }
}
