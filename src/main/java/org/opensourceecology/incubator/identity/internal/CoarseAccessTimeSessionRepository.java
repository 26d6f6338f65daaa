package org.opensourceecology.incubator.identity.internal;

import java.time.Duration;
import java.time.Instant;
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
 * @param <S> the sessions of the repository it wraps
 */
final class CoarseAccessTimeSessionRepository<S extends Session>
        implements FindByIndexNameSessionRepository<CoarseAccessTimeSessionRepository.CoarseSession<S>> {

    private final FindByIndexNameSessionRepository<S> delegate;
    private final Duration resolution;

    CoarseAccessTimeSessionRepository(FindByIndexNameSessionRepository<S> delegate, Duration resolution) {
        if (resolution.isNegative()) {
            throw new IllegalArgumentException("resolution must not be negative: " + resolution);
        }
        this.delegate = delegate;
        this.resolution = resolution;
    }

    @Override
    public CoarseSession<S> createSession() {
        return new CoarseSession<>(delegate.createSession(), resolution);
    }

    @Override
    public void save(CoarseSession<S> session) {
        delegate.save(session.delegate);
    }

    @Override
    public CoarseSession<S> findById(String id) {
        S session = delegate.findById(id);
        return session == null ? null : new CoarseSession<>(session, resolution);
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
    }

    @Override
    public Map<String, CoarseSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        var found = new LinkedHashMap<String, CoarseSession<S>>();
        delegate.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new CoarseSession<>(session, resolution)));
        return found;
    }

    /** A stored session whose last access time moves only when it is {@code resolution} old. */
    static final class CoarseSession<S extends Session> implements Session {

        private final S delegate;
        private final Duration resolution;

        CoarseSession(S delegate, Duration resolution) {
            this.delegate = delegate;
            this.resolution = resolution;
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
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
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
    }
}
