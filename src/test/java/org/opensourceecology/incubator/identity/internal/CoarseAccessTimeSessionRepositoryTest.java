package org.opensourceecology.incubator.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

class CoarseAccessTimeSessionRepositoryTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    /** A store that keeps a copy of what it was last given, as the JDBC repository keeps its rows. */
    static final class Store implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, MapSession> rows = new HashMap<>();

        @Override
        public MapSession createSession() {
            var session = new MapSession();
            session.setCreationTime(T0);
            session.setLastAccessedTime(T0);
            return session;
        }

        @Override
        public void save(MapSession session) {
            rows.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            var row = rows.get(id);
            return row == null ? null : new MapSession(row);
        }

        @Override
        public void deleteById(String id) {
            rows.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return rows.values().stream()
                    .filter(s -> indexValue.equals(s.getAttribute(indexName)))
                    .collect(Collectors.toMap(MapSession::getId, MapSession::new));
        }
    }

    Store store = new Store();
    CoarseAccessTimeSessionRepository<MapSession> sessions =
            new CoarseAccessTimeSessionRepository<>(store, Duration.ofMinutes(1), Set.of("authenticatedUser"));

    /** A request of the session at this time, as Spring Session's filter makes it: find, touch, save. */
    void request(String id, Instant at) {
        var session = sessions.findById(id);
        session.setLastAccessedTime(at);
        sessions.save(session);
    }

    String stored() {
        var session = sessions.createSession();
        sessions.save(session);
        return session.getId();
    }

    @Test
    void requestsWithinTheResolutionLeaveTheStoredAccessTimeAsItIs() {
        String id = stored();

        request(id, T0.plusSeconds(1));
        request(id, T0.plusSeconds(59));

        assertThat(store.rows.get(id).getLastAccessedTime()).isEqualTo(T0);
    }

    @Test
    void aRequestOnceTheStoredAccessTimeIsAResolutionOldRecordsIt() {
        String id = stored();

        request(id, T0.plusSeconds(60));
        assertThat(store.rows.get(id).getLastAccessedTime()).isEqualTo(T0.plusSeconds(60));

        request(id, T0.plusSeconds(90));
        assertThat(store.rows.get(id).getLastAccessedTime())
                .as("the minute counts from the access time last recorded")
                .isEqualTo(T0.plusSeconds(60));
        request(id, T0.plusSeconds(125));
        assertThat(store.rows.get(id).getLastAccessedTime()).isEqualTo(T0.plusSeconds(125));
    }

    @Test
    void attributesIdsAndExpiryAreThoseOfTheStoredSession() {
        String id = stored();
        var session = sessions.findById(id);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "trainee");
        session.setMaxInactiveInterval(Duration.ofHours(8));
        String newId = session.changeSessionId();
        sessions.save(session);
        store.deleteById(id);

        var found = sessions.findByPrincipalName("trainee");
        assertThat(found).containsOnlyKeys(newId);
        var again = found.get(newId);
        assertThat(again.getId()).isEqualTo(newId);
        assertThat(again.<String>getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME))
                .isEqualTo("trainee");
        assertThat(again.getMaxInactiveInterval()).isEqualTo(Duration.ofHours(8));
        assertThat(again.getCreationTime()).isEqualTo(T0);
        assertThat(again.isExpired()).isEqualTo(store.rows.get(newId).isExpired());

        again.removeAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
        sessions.save(again);
        assertThat(sessions.findByPrincipalName("trainee")).isEmpty();

        sessions.deleteById(newId);
        assertThat(sessions.findById(newId)).isNull();
    }

    @Test
    void aNegativeResolutionIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CoarseAccessTimeSessionRepository<>(store, Duration.ofSeconds(-1), Set.of()))
                .withMessageContaining("PT-1S");
    }

    /** A stored session that counts how often an attribute is set on it (what the JDBC store writes). */
    static final class Counting implements Session {

        final MapSession stored = new MapSession();
        int sets;

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            sets++;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }

    /** One request on a stored session with a webapp login and another attribute. */
    static CoarseAccessTimeSessionRepository.CoarseSession<Counting> request(Counting stored) {
        return new CoarseAccessTimeSessionRepository.CoarseSession<>(
                stored, Duration.ofMinutes(1), Set.of("authenticatedUser"));
    }

    static Counting storedWith(Object login) {
        var stored = new Counting();
        stored.setAttribute("authenticatedUser", login);
        stored.setAttribute("other", new ArrayList<>(List.of("a")));
        stored.sets = 0;
        return stored;
    }

    @Test
    void aLoginSetAgainUnchangedIsNotWrittenAChangedOneIs() {
        var stored = storedWith(new ArrayList<>(List.of("mentor", "mentors")));

        var unchanged = request(stored);
        List<String> login = unchanged.getAttribute("authenticatedUser");
        unchanged.setAttribute("authenticatedUser", login);
        assertThat(stored.sets).isZero();

        var changed = request(stored);
        List<String> same = changed.getAttribute("authenticatedUser");
        same.add("trainees");
        changed.setAttribute("authenticatedUser", same);
        assertThat(stored.sets).isEqualTo(1);
        assertThat(stored.<List<String>>getAttribute("authenticatedUser"))
                .containsExactly("mentor", "mentors", "trainees");
    }

    @Test
    void otherAttributesAndLoginsSetWithoutBeingReadAreWrittenAsAlways() {
        var stored = storedWith(new ArrayList<>(List.of("mentor")));

        var session = request(stored);
        List<String> other = session.getAttribute("other");
        session.setAttribute("other", other);
        assertThat(stored.sets).as("not a login").isEqualTo(1);

        session.setAttribute("authenticatedUser", new ArrayList<>(List.of("mentor")));
        assertThat(stored.sets)
                .as("set without having been read in this request")
                .isEqualTo(2);

        var next = request(stored);
        next.getAttribute("authenticatedUser");
        next.removeAttribute("authenticatedUser");
        next.setAttribute("authenticatedUser", new ArrayList<>(List.of("mentor")));
        assertThat(stored.sets).as("set again after it was removed").isEqualTo(3);
    }
}
