package org.opensourceecology.incubator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Manual links: remembered for the time to live, unknown slugs never remembered. */
class OperationsManualLinksTest {

    private final EnterpriseSpecifications specifications = mock(EnterpriseSpecifications.class);
    private final AtomicLong now = new AtomicLong(1_000);
    private final OperationsManualLinks links =
            new OperationsManualLinks(specifications, Duration.ofSeconds(10), now::get);

    @Test
    void aLinkIsAskedOnceWithinTheTimeToLiveAndAgainAfterIt() {
        given(specifications.findPublishedOperationsManualUrl("ceb-press"))
                .willReturn(Optional.of("https://example.org/v1"), Optional.of("https://example.org/v2"));

        assertThat(links.ofPublished("ceb-press")).contains("https://example.org/v1");
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(links.ofPublished("ceb-press")).contains("https://example.org/v1");
        verify(specifications, times(1)).findPublishedOperationsManualUrl("ceb-press");

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(links.ofPublished("ceb-press")).contains("https://example.org/v2");
        verify(specifications, times(2)).findPublishedOperationsManualUrl("ceb-press");
    }

    @Test
    void anEnterpriseNotYetPublishedIsAskedAgainEveryTime() {
        given(specifications.findPublishedOperationsManualUrl("new-press"))
                .willReturn(Optional.empty(), Optional.of("https://example.org/new"));

        assertThat(links.ofPublished("new-press")).isEmpty();
        assertThat(links.ofPublished("new-press")).contains("https://example.org/new");
    }

    @Test
    void aRetiredEnterpriseIsForgottenWhenItsLinkExpires() {
        given(specifications.findPublishedOperationsManualUrl("old-press"))
                .willReturn(Optional.of("https://example.org/old"), Optional.empty(), Optional.empty());

        assertThat(links.ofPublished("old-press")).isPresent();
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(links.ofPublished("old-press")).isEmpty();
        assertThat(links.ofPublished("old-press")).isEmpty();
        verify(specifications, times(3)).findPublishedOperationsManualUrl("old-press");
    }

    @Test
    void aZeroTimeToLiveAsksEveryTime() {
        var uncached = new OperationsManualLinks(specifications, Duration.ZERO, now::get);
        given(specifications.findPublishedOperationsManualUrl("ceb-press"))
                .willReturn(Optional.of("https://example.org/v1"));

        uncached.ofPublished("ceb-press");
        uncached.ofPublished("ceb-press");

        verify(specifications, times(2)).findPublishedOperationsManualUrl("ceb-press");
    }

    @Test
    void aNegativeTimeToLiveIsRefused() {
        assertThatThrownBy(() -> new OperationsManualLinks(specifications, Duration.ofSeconds(-1), now::get))
                .hasMessageContaining("incubator.catalog.manual-link-ttl");
    }
}
