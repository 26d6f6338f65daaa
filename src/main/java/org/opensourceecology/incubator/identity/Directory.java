package org.opensourceecology.incubator.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Looks people up in the identity store in use (Camunda's built-in users, or Keycloak). While Keycloak
 * does not answer, lookups throw {@link Unavailable}; pages that only show a name use
 * {@link #displayName(String)} and stay up.
 */
public interface Directory {

    /** @throws Unavailable while the identity store does not answer */
    Optional<Person> find(String userId);

    /**
     * The people with these ids that exist, by id: one look-up for a whole page.
     *
     * @throws Unavailable while the identity store does not answer
     */
    default Map<String, Person> findAll(Collection<String> userIds) {
        var people = new LinkedHashMap<String, Person>();
        userIds.stream().distinct().forEach(id -> find(id).ifPresent(p -> people.put(id, p)));
        return people;
    }

    /**
     * Members of a group, ordered by user id.
     *
     * @throws Unavailable while the identity store does not answer
     */
    List<Person> membersOf(String groupId);

    /**
     * The name a page shows for a person: their display name, or their id when the store does not know
     * them. Empty while the identity store does not answer, so that a public page (a certificate, an
     * enterprise's producers) can say so and show everything else.
     */
    Optional<String> displayName(String userId);

    /**
     * The identity store (Keycloak) does not answer right now: temporary, worth a retry. A request that
     * ends with it answers 503.
     */
    @ResponseStatus(
            value = HttpStatus.SERVICE_UNAVAILABLE,
            reason = "The sign-on service does not answer right now; please try again in a few minutes")
    final class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    record Person(String id, String firstName, String lastName, String email) {

        public String displayName() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
            return name.isEmpty() ? id : name;
        }
    }
}
