package org.opensourceecology.incubator.identity.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The shared session store (Spring Session JDBC), writing a session's last access time at most once per
 * {@code resolution} instead of at the end of every request.
 *
 * <p>Spring Session sets the last access time of the session a request uses on every request, and the
 * JDBC repository then writes it: an UPDATE of {@code spring_session} in a transaction of its own, after
 * the request's work, on every page, Tasklist call and form post of a logged-in person. Here a session
 * whose stored last access time is less than {@code resolution} old keeps it, so the repository has
 * nothing to write unless an attribute changed. A session then expires up to {@code resolution} earlier
 * than its maximum inactive interval after its last request (a minute in eight hours), and
 * {@code HttpSession#getLastAccessedTime} is exact only to that resolution; nothing here reads it.
 *
 * <p>Some attributes are set again at the end of every request whether they changed or not, and the
 * JDBC repository writes whatever is set: Camunda's webapps do so with their {@link #CAMUNDA_WEBAPP_USER}
 * on every Tasklist and Cockpit call. For those ({@code setAgainEveryRequest}) the session keeps the
 * serialized form the value had when the request first read it, and a value set again with that same
 * form is not written.
 *
 * @param <S> the sessions of the repository it wraps
 */
final class CoarseAccessTimeSessionRepository<S extends Session>
        implements FindByIndexNameSessionRepository<CoarseAccessTimeSessionRepository.CoarseSession<S>> {

    /**
     * The attribute in which Camunda's webapps keep who is logged in ({@code
     * AuthenticationUtil.CAM_AUTH_SESSION_KEY}, not public), set again by their authentication filter at
     * the end of every request.
     */
    static final String CAMUNDA_WEBAPP_USER = "authenticatedUser";

    private final FindByIndexNameSessionRepository<S> delegate;
    private final Duration resolution;
    private final Set<String> setAgainEveryRequest;

    CoarseAccessTimeSessionRepository(
            FindByIndexNameSessionRepository<S> delegate, Duration resolution, Set<String> setAgainEveryRequest) {
        if (resolution.isNegative()) {
            throw new IllegalArgumentException("resolution must not be negative: " + resolution);
        }
        this.delegate = delegate;
        this.resolution = resolution;
        this.setAgainEveryRequest = Set.copyOf(setAgainEveryRequest);
    }

    @Override
    public CoarseSession<S> createSession() {
        return wrap(delegate.createSession());
    }

    @Override
    public void save(CoarseSession<S> session) {
        delegate.save(session.delegate);
    }

    @Override
    public CoarseSession<S> findById(String id) {
        S session = delegate.findById(id);
        return session == null ? null : wrap(session);
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
    }

    @Override
    public Map<String, CoarseSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        var found = new LinkedHashMap<String, CoarseSession<S>>();
        delegate.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, wrap(session)));
        return found;
    }

    private CoarseSession<S> wrap(S session) {
        return new CoarseSession<>(session, resolution, setAgainEveryRequest);
    }

    /**
     * A stored session, as one request uses it, whose last access time moves only when it is {@code
     * resolution} old.
     */
    static final class CoarseSession<S extends Session> implements Session {

        private final S delegate;
        private final Duration resolution;
        private final Set<String> setAgainEveryRequest;

        /** The serialized form of such attributes when this request first read them. */
        private final Map<String, byte[]> asRead = new HashMap<>();

        CoarseSession(S delegate, Duration resolution, Set<String> setAgainEveryRequest) {
            this.delegate = delegate;
            this.resolution = resolution;
            this.setAgainEveryRequest = setAgainEveryRequest;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(delegate.getLastAccessedTime().plus(resolution))) {
                delegate.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            T value = delegate.getAttribute(attributeName);
            if (value != null && setAgainEveryRequest.contains(attributeName) && !asRead.containsKey(attributeName)) {
                asRead.put(attributeName, serialized(value));
            }
            return value;
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            byte[] read = asRead.get(attributeName);
            if (read != null && attributeValue != null && Arrays.equals(read, serialized(attributeValue))) {
                return;
            }
            asRead.remove(attributeName);
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            asRead.remove(attributeName);
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }

        /**
         * Java serialization, as the JDBC repository stores attributes; null for a value that does not
         * serialize, which is then always written (and refused by the repository, as before).
         */
        private static byte[] serialized(Object value) {
            if (!(value instanceof Serializable)) {
                return null;
            }
            var bytes = new ByteArrayOutputStream();
            try (var out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            } catch (IOException e) {
                return null;
            }
            return bytes.toByteArray();
        }
    }
}
