package org.opensourceecology.incubator.training.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Lets the people who work an immersion training read its process instance. Camunda gives a task's
 * assignee the task, not its process instance, and Tasklist lists a process variable beside a task (the
 * filters' trainee, enterprise and milestone columns) only to those who may read the instance.
 *
 * <p>One grant per person and instance, looked for once per milestone and never per task: the trainee
 * and the mentor when a milestone's first task shows the milestone ({@link ShowMilestone}), anyone else
 * when a milestone task is handed to them ({@link LetAssigneeReadTraining}). Camunda deletes an
 * instance's grants with the instance, and erasure deletes a person's.
 */
@Component
class TrainingAccess {

    private final AuthorizationService authorizations;

    TrainingAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** Called from the process (listeners and delegates), where Camunda checks no authorization. */
    void letRead(String processInstanceId, String userId) {
        if (userId == null || userId.isBlank()) {
            return;
        }
        var existing = authorizations
                .createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .userIdIn(userId)
                .resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId)
                .singleResult();
        if (existing != null && existing.isPermissionGranted(Permissions.READ)) {
            return;
        }
        var grant = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setUserId(userId);
        grant.setResource(Resources.PROCESS_INSTANCE);
        grant.setResourceId(processInstanceId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
    }
}
