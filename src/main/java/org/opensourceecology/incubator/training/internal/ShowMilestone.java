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
 * instance carries the title and due date of its current milestone, and the trainee and the mentor may
 * read the instance ({@link TrainingAccess}). Tasklist lists the variables of a task, its execution and
 * its process instance, not those of the milestone sub-process in between, which holds them
 * (service_open_milestone), and only to those who may read where they are.
 *
 * <p>Written only where they differ, so the milestone's first task writes them and the tasks after a
 * return, of the same milestone, write nothing: a copy on every task (as task-local variables, before)
 * cost about seven statements per variable over each task's life at history level FULL. An instance that
 * was at a milestone before this listener showed it on the instance gets it, and its readers, with its
 * next task.
 */
@Component("showMilestone")
class ShowMilestone implements TaskListener {

    private final TrainingAccess access;

    ShowMilestone(TrainingAccess access) {
        this.access = access;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution instance = task.getExecution().getProcessInstance();
        boolean shown = showOn(instance, MILESTONE_TITLE, MILESTONE_TITLE.find(task));
        shown |= showOn(instance, MILESTONE_DUE_DATE, MILESTONE_DUE_DATE.find(task));
        if (shown) {
            access.letRead(instance.getId(), TRAINEE_ID.getOrDefault(instance, null));
            access.letRead(instance.getId(), MENTOR_ID.getOrDefault(instance, null));
        }
    }

    /** @return whether the value was written */
    private static <T> boolean showOn(DelegateExecution instance, ProcessVariable<T> variable, Optional<T> value) {
        if (value.isEmpty() || value.equals(variable.findLocal(instance))) {
            return false;
        }
        variable.setLocal(instance, value.get());
        return true;
    }
}
