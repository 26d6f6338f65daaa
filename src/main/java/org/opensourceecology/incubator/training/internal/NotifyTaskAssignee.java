package org.opensourceecology.incubator.training.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.process.TranslatedTaskTexts;
import org.springframework.stereotype.Component;

/**
 * Mails whoever a task is given to, with its name in their language and a link to it in Tasklist: the
 * assignee when a task is
 * assigned (also when it is created with one), else the candidate groups (admins see every task
 * anyway and get no mail for each).
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
            if (task.getAssignee() != null) {
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
}
