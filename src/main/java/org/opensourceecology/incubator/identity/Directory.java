package org.opensourceecology.incubator.identity;

import java.util.List;
import java.util.Optional;

/** Looks people up in the identity store in use (Camunda's built-in users, or Keycloak). */
public interface Directory {

    Optional<Person> find(String userId);

    /** Members of a group, ordered by user id. */
    List<Person> membersOf(String groupId);

    record Person(String id, String firstName, String lastName, String email) {

        public String displayName() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
            return name.isEmpty() ? id : name;
        }
    }
}
