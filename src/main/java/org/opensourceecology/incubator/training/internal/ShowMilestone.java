package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Copies the milestone's title and due date onto a milestone task: Tasklist filters list only the
 * variables of the task, its execution and its process instance, not those of the milestone
 * sub-process in between.
 */
@Component("showMilestone")
class ShowMilestone implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        MILESTONE_TITLE.find(task).ifPresent(title -> MILESTONE_TITLE.setLocal(task, title));
        MILESTONE_DUE_DATE.find(task).ifPresent(due -> MILESTONE_DUE_DATE.setLocal(task, due));
    }
}
