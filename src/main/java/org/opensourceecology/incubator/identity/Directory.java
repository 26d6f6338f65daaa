package org.opensourceecology.incubator.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks people up in the identity store in use (Camunda's built-in users, or Keycloak). */
public interface Directory {

    Optional<Person> find(String userId);

    /** The people with these ids that exist, by id: one look-up for a whole page. */
    default Map<String, Person> findAll(Collection<String> userIds) {
        var people = new LinkedHashMap<String, Person>();
        userIds.stream().distinct().forEach(id -> find(id).ifPresent(p -> people.put(id, p)));
        return people;
    }

    /** Members of a group, ordered by user id. */
    List<Person> membersOf(String groupId);

    record Person(String id, String firstName, String lastName, String email) {

        public String displayName() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
            return name.isEmpty() ? id : name;
        }
    }
}
