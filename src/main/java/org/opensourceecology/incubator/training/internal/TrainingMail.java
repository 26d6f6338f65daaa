package org.opensourceecology.incubator.training.internal;

import java.util.HashMap;
import java.util.Map;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.notification.LocalizedText;
import org.opensourceecology.incubator.notification.Notifications;
import org.springframework.stereotype.Component;

/** The training module's mails (templates/mail/training-*.txt, subjects in messages/training.properties). */
@Component
class TrainingMail {

    static final String TASK_ASSIGNED = "training-task-assigned";
    static final String APPLICATION_REJECTED = "training-application-rejected";
    static final String MILESTONE_RETURNED = "training-milestone-returned";
    static final String MILESTONE_SIGNED_OFF = "training-milestone-signed-off";
    static final String MILESTONE_OVERRUN = "training-milestone-overrun";
    static final String SIGN_OFF_REMINDER = "training-sign-off-reminder";
    static final String SIGN_OFF_OVERDUE = "training-sign-off-overdue";
    static final String TRAINING_COMPLETED = "training-completed";

    private final Notifications notifications;

    TrainingMail(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The link that opens a task in Tasklist, relative to the base URL. */
    static String taskPath(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /** @param taskNames the task's name by language tag, each recipient reads it in theirs */
    void taskToUser(String userId, String taskId, Map<String, String> taskNames) {
        notifications.sendToUser(userId, TASK_ASSIGNED, taskModel(taskId, taskNames));
    }

    void taskToGroup(String groupId, String taskId, Map<String, String> taskNames) {
        notifications.sendToGroup(groupId, TASK_ASSIGNED, taskModel(taskId, taskNames));
    }

    void rejected(String traineeId, String enterprise, String reason) {
        notifications.sendToUser(
                traineeId, APPLICATION_REJECTED, Map.of("enterprise", enterprise, "reason", nonNull(reason)));
    }

    /** The mentor's comment on a returned milestone, with the link to its task, given back to the trainee. */
    void returned(String userId, String taskId, String milestoneTitle, String comment) {
        notifications.sendToUser(
                userId,
                MILESTONE_RETURNED,
                Map.of("milestoneTitle", milestoneTitle, "comment", nonNull(comment), "taskPath", taskPath(taskId)));
    }

    void signedOff(String traineeId, String milestoneTitle, String comment) {
        notifications.sendToUser(
                traineeId, MILESTONE_SIGNED_OFF, Map.of("milestoneTitle", milestoneTitle, "comment", nonNull(comment)));
    }

    void overrun(String traineeId, String milestoneTitle) {
        notifications.sendToUser(traineeId, MILESTONE_OVERRUN, Map.of("milestoneTitle", milestoneTitle));
    }

    void signOffReminder(String mentorId, String milestoneTitle, String traineeName) {
        notifications.sendToUser(
                mentorId, SIGN_OFF_REMINDER, Map.of("milestoneTitle", milestoneTitle, "traineeName", traineeName));
    }

    void signOffOverdue(String mentorId, String milestoneTitle, String traineeName) {
        notifications.sendToGroup(
                Roles.ADMINS,
                SIGN_OFF_OVERDUE,
                Map.of("milestoneTitle", milestoneTitle, "traineeName", traineeName, "mentorId", mentorId));
    }

    void completed(String traineeId, String enterprise) {
        notifications.sendToUser(traineeId, TRAINING_COMPLETED, Map.of("enterprise", enterprise));
    }

    private static Map<String, Object> taskModel(String taskId, Map<String, String> taskNames) {
        var model = new HashMap<String, Object>();
        var names = new HashMap<String, String>();
        taskNames.forEach((language, name) -> names.put(language, nonNull(name)));
        model.put("taskName", new LocalizedText(names));
        model.put("taskPath", taskPath(taskId));
        return model;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
