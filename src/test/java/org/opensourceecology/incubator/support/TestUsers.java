package org.opensourceecology.incubator.support;

import org.camunda.bpm.engine.IdentityService;

/**
 * People made up for one test: a unique user id (tests share one database), a known password and a
 * membership in one group.
 */
public final class TestUsers {

    private TestUsers() {}

    /** Creates a user {@code <prefix><unique suffix>} in the group, with mail at the given domain. */
    public static String create(IdentityService identityService, String prefix, String group, String mailDomain) {
        String id = prefix + uniqueSuffix();
        var user = identityService.newUser(id);
        user.setFirstName("Given");
        user.setLastName(id);
        user.setEmail(id + "@" + mailDomain);
        user.setPassword(password(id));
        identityService.saveUser(user);
        identityService.createMembership(id, group);
        return id;
    }

    public static String password(String userId) {
        return "pw-" + userId;
    }

    /** Letters and digits only, as Camunda's user ids require. */
    public static String uniqueSuffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
