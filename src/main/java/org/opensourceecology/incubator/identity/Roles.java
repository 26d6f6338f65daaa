package org.opensourceecology.incubator.identity;

import java.util.List;

/** The incubator's roles. Each is a Keycloak realm group and a Camunda group of the same id. */
public final class Roles {

    public static final String TRAINEES = "trainees";
    public static final String MENTORS = "mentors";
    public static final String CERTIFIERS = "certifiers";
    public static final String ADMINS = "camunda-admin";

    public static final List<String> ALL = List.of(TRAINEES, MENTORS, CERTIFIERS, ADMINS);

    /** Prefix of the Spring Security authority that stands for membership in a group. */
    public static final String AUTHORITY_PREFIX = "GROUP_";

    private Roles() {}

    public static String authority(String groupId) {
        return AUTHORITY_PREFIX + groupId;
    }
}
