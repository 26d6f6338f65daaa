package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the application on the review task as task-local variables, so that the form
 * review-application shows it; they go away with the task instead of living on in the process. The
 * applicant's name (set by {@link LookUpTraineeName}) and the enterprise, process variables, are copied
 * too: the mentors who may review see the task, not the process instance, and Tasklist's "Applications
 * to review" lists them beside the task only from the task.
 */
@Component("showApplication")
class ShowApplication implements TaskListener {

    private final Training training;

    ShowApplication(Training training) {
        this.training = training;
    }

    @Override
    public void notify(DelegateTask task) {
        var application = training.application(APPLICATION_ID.get(task));
        MOTIVATION.setLocal(task, application.getMotivation());
        PRIOR_SKILLS.setLocal(task, application.getPriorSkills() == null ? "" : application.getPriorSkills());
        LOCATION.setLocal(task, application.getCity() + ", " + application.getCountry());
        TRAINEE_NAME.find(task).ifPresent(name -> TRAINEE_NAME.setLocal(task, name));
        ENTERPRISE_SLUG.find(task).ifPresent(slug -> ENTERPRISE_SLUG.setLocal(task, slug));
    }
}
