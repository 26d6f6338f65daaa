package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.process.TranslatedTaskTexts;
import org.springframework.stereotype.Component;

/**
 * Mails whoever a task is given to, with its name in their language and a link to it in Tasklist: the
 * assignee when a task is assigned (also when it is created with one), else the candidate groups (admins
 * see every task anyway and get no mail for each). A milestone the mentor returned comes back as one
 * mail, the mentor's comment with the link, rather than a return and a task mail.
 */
@Component("notifyTaskAssignee")
class NotifyTaskAssignee implements TaskListener {

    private final TrainingMail mail;

    NotifyTaskAssignee(TrainingMail mail) {
        this.mail = mail;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (task.getAssignee() == null) {
                return;
            }
            if (returnedMilestone(task)) {
                mail.returned(
                        task.getAssignee(),
                        task.getId(),
                        MILESTONE_TITLE.get(task),
                        MENTOR_COMMENT.getOrDefault(task, null));
            } else {
                mail.taskToUser(task.getAssignee(), task.getId(), TranslatedTaskTexts.names(task));
            }
        } else if (EVENTNAME_CREATE.equals(task.getEventName()) && task.getAssignee() == null) {
            task.getCandidates().stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .filter(link -> link.getGroupId() != null && !Roles.ADMINS.equals(link.getGroupId()))
                    .forEach(
                            link -> mail.taskToGroup(link.getGroupId(), task.getId(), TranslatedTaskTexts.names(task)));
        }
    }

    /** The trainee's task of a milestone the mentor returned: the decision stays until the resubmission. */
    private static boolean returnedMilestone(DelegateTask task) {
        return USER_COMPLETE_MILESTONE.equals(task.getTaskDefinitionKey())
                && RETURN.equals(SIGN_OFF_DECISION.getOrDefault(task, null));
    }
}
