package org.opensourceecology.incubator.identity.internal;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.opensourceecology.incubator.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups (when the identity store is writable) and the Camunda authorizations that
 * give each role what it needs and nothing more. Idempotent: it runs on every start of every node.
 * Tasks need no grant here: Camunda gives a task's assignee and candidates access to it.
 */
@Component
class AuthorizationSetup {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSetup.class);

    /** Processes that a role may start, by process definition key. */
    static final List<String> TRAINEE_STARTABLE =
            List.of("distributive-enterprise-journey", "certification", "replication", "enterprise-specification");

    static final List<String> MENTOR_STARTABLE = List.of("replication", "enterprise-specification");
    static final List<String> CERTIFIER_STARTABLE = List.of("enterprise-specification");

    private final AuthorizationService authorizationService;
    private final IdentityService identityService;

    AuthorizationSetup(AuthorizationService authorizationService, IdentityService identityService) {
        this.authorizationService = authorizationService;
        this.identityService = identityService;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void setUp() {
        if (!identityService.isReadOnly()) {
            Roles.ALL.forEach(this::ensureGroup);
        }
        for (Resources resource : Resources.values()) {
            grant(Roles.ADMINS, resource, ANY, Permissions.ALL);
        }
        grant(Roles.TRAINEES, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.MENTORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.CERTIFIERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        allowStart(Roles.TRAINEES, TRAINEE_STARTABLE);
        allowStart(Roles.MENTORS, MENTOR_STARTABLE);
        allowStart(Roles.CERTIFIERS, CERTIFIER_STARTABLE);
        // Tasklist shows the diagram and form of a task's process to those who work in it.
        grant(Roles.TRAINEES, Resources.PROCESS_DEFINITION, "production-run", ProcessDefinitionPermissions.READ);
        grant(Roles.MENTORS, Resources.PROCESS_DEFINITION, "production-run", ProcessDefinitionPermissions.READ);
        grant(Roles.CERTIFIERS, Resources.PROCESS_DEFINITION, "certification", ProcessDefinitionPermissions.READ);
        log.info("Camunda authorizations for {} are in place", Roles.ALL);
    }

    private void allowStart(String groupId, List<String> processKeys) {
        grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        for (String key : processKeys) {
            grant(
                    groupId,
                    Resources.PROCESS_DEFINITION,
                    key,
                    ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
    }

    private void ensureGroup(String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            var group = identityService.newGroup(groupId);
            group.setName(groupId);
            group.setType(Roles.ADMINS.equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        var existing = authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT)
                .singleResult();
        var authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
