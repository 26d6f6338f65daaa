package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Assignment of a milestone task: lets the new assignee (say, a mentor an admin handed a sign-off to)
 * read the training, unless it is the trainee or the mentor, who were let in with the milestone
 * ({@link ShowMilestone}): for the tasks created for those two, nothing more is read or written.
 */
@Component("letAssigneeReadTraining")
class LetAssigneeReadTraining implements TaskListener {

    private final TrainingAccess access;

    LetAssigneeReadTraining(TrainingAccess access) {
        this.access = access;
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null
                || assignee.equals(TRAINEE_ID.getOrDefault(task, null))
                || assignee.equals(MENTOR_ID.getOrDefault(task, null))) {
            return;
        }
        access.letRead(task.getProcessInstanceId(), assignee);
    }
}
