package org.opensourceecology.incubator.identity.internal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.opensourceecology.incubator.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEVELOPMENT ONLY: one demo user per role, with the password equal to the user name. Enabled by
 * {@code incubator.identity.demo-users}, which the prod profile switches off.
 */
@Component
@ConditionalOnProperty(name = "incubator.identity.demo-users", havingValue = "true")
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record DemoUser(String id, String firstName, String lastName, String groupId) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Ada", "Admin", Roles.ADMINS),
            new DemoUser("mentor", "Marcin", "Mentor", Roles.MENTORS),
            new DemoUser("certifier", "Catarina", "Certifier", Roles.CERTIFIERS),
            new DemoUser("trainee", "Tomasz", "Trainee", Roles.TRAINEES));

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    void create() {
        if (identityService.isReadOnly()) {
            return;
        }
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                var user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@incubator.localhost");
                user.setPassword(demo.id()); // development only
                identityService.saveUser(user);
                identityService.createMembership(demo.id(), demo.groupId());
                log.warn("Created development-only demo user '{}' with password '{}'", demo.id(), demo.id());
            }
        }
    }
}
