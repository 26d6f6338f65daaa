package org.opensourceecology.incubator.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.MovableClock;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicPostRateLimitFilterTest {

    MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
    PublicPostRateLimitFilter filter =
            new PublicPostRateLimitFilter(new RateLimitSettings(true, 3, Duration.ofMinutes(1), 100), clock);

    int post(String path, String address) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        request.setRemoteAddr(address);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void clientOverTheLimitGets429UntilTheWindowEnds() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/enterprises/ceb-press/downloads", "10.0.0.1")).isEqualTo(200);
        }
        assertThat(post("/enterprises/ceb-press/downloads", "10.0.0.1")).isEqualTo(429);
        assertThat(post("/login", "10.0.0.1"))
                .as("one budget for all public posts")
                .isEqualTo(429);
        assertThat(post("/enterprises/ceb-press/downloads", "10.0.0.2"))
                .as("other clients unaffected")
                .isEqualTo(200);

        clock.move(Duration.ofMinutes(1));
        assertThat(post("/enterprises/ceb-press/downloads", "10.0.0.1")).isEqualTo(200);
    }

    @Test
    void otherRequestsAreNotLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(post("/api/enterprises", "10.0.0.3")).isEqualTo(200);
        }
    }

    @Test
    void rejectionSaysWhenToTryAgain() throws Exception {
        for (int i = 0; i < 3; i++) {
            post("/login", "10.0.0.4");
        }
        clock.move(Duration.ofSeconds(20));
        var request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.setRemoteAddr("10.0.0.4");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("40");
        assertThat(response.getContentAsString()).contains("40 seconds");
    }
}
