package org.opensourceecology.incubator.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the public POST endpoints per client with a fixed window: a script cannot flood the
 * download counter, guess passwords on the login form or hammer unsubscribe links. Over the limit
 * the client gets 429 with Retry-After. Counters live in memory per node; the addresses are never
 * written anywhere.
 */
class PublicPostRateLimitFilter extends OncePerRequestFilter {

    static final RequestMatcher PUBLIC_POSTS = new OrRequestMatcher(
            AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/enterprises/*/downloads"),
            AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/login"),
            AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/unsubscribe/**"));

    private record Window(long start, AtomicInteger count) {}

    private final RateLimitSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    PublicPostRateLimitFilter(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || !PUBLIC_POSTS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long now = clock.millis();
        long windowMillis = settings.window().toMillis();
        if (windows.size() > settings.maxTrackedClients()) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis);
        }
        Window window = windows.compute(
                request.getRemoteAddr(),
                (client, current) -> current == null || now - current.start() >= windowMillis
                        ? new Window(now, new AtomicInteger())
                        : current);
        if (window.count().incrementAndGet() > settings.requestsPerWindow()) {
            long retryAfterSeconds = Math.max(1, (window.start() + windowMillis - now + 999) / 1000);
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .write("Too many requests from your address. Please try again in " + retryAfterSeconds
                            + " seconds.");
            return;
        }
        chain.doFilter(request, response);
    }
}
