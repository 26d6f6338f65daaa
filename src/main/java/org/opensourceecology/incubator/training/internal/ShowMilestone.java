package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensourceecology.incubator.process.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * Shows the milestone of a milestone task in the Tasklist filters' columns: the training's process
 * instance carries the title and due date of its current milestone. Tasklist lists the variables of a
 * task, its execution and its process instance, not those of the milestone sub-process in between, which
 * holds them (service_open_milestone).
 *
 * <p>Written only where they differ, so the milestone's first task writes them and the tasks after a
 * return, of the same milestone, write nothing: a copy on every task (as task-local variables, before)
 * cost six statements per variable over each task's life at history level FULL. Those who work the
 * tasks read the instance's variables through {@link TrainingAccess}.
 */
@Component("showMilestone")
class ShowMilestone implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution instance = task.getExecution().getProcessInstance();
        showOn(instance, MILESTONE_TITLE, MILESTONE_TITLE.find(task));
        showOn(instance, MILESTONE_DUE_DATE, MILESTONE_DUE_DATE.find(task));
    }

    private static <T> void showOn(DelegateExecution instance, ProcessVariable<T> variable, Optional<T> value) {
        if (value.isPresent() && !value.equals(variable.findLocal(instance))) {
            variable.setLocal(instance, value.get());
        }
    }
}
