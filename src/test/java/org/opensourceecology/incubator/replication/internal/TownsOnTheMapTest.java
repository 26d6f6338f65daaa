package org.opensourceecology.incubator.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.download.DownloaderTown;
import org.opensourceecology.incubator.download.DownloaderTowns;
import org.opensourceecology.incubator.download.DownloaderTowns.ConsentVersion;

/**
 * The towns layer's cache: served while nothing changed; a consent that ends on any node (the
 * version's last end moves) or a new one takes effect on the next request; the TTL bounds the rest.
 */
class TownsOnTheMapTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final ConsentVersion ONE_CONSENT = new ConsentVersion(Optional.of(NOW), Optional.empty());

    DownloaderTowns downloaderTowns = mock(DownloaderTowns.class);
    AtomicReference<Instant> now = new AtomicReference<>(NOW);
    Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    TownsOnTheMap layer = new TownsOnTheMap(downloaderTowns, new MapSettings("", "", Duration.ofSeconds(30)), clock);

    DownloaderTown tamale = new DownloaderTown("Tamale", "GH", "Ghana", 9.40, -0.84, null, new TreeMap<>(Map.of()));

    @BeforeEach
    void tamaleOnTheMap() {
        given(downloaderTowns.consentVersion()).willReturn(ONE_CONSENT);
        given(downloaderTowns.consentedTowns()).willReturn(List.of(tamale), List.of());
    }

    @Test
    void servesTheCachedTownsWhileNoConsentChanged() {
        assertThat(layer.towns()).containsExactly(tamale);
        now.set(NOW.plusSeconds(29));
        assertThat(layer.towns()).containsExactly(tamale);

        verify(downloaderTowns, times(1)).consentedTowns();
    }

    @Test
    void aConsentEndedOnAnyNodeTakesTheTownOffOnTheNextRequest() {
        assertThat(layer.towns()).containsExactly(tamale);

        given(downloaderTowns.consentVersion())
                .willReturn(new ConsentVersion(Optional.of(NOW), Optional.of(NOW.plusSeconds(1))));

        assertThat(layer.towns()).isEmpty();
    }

    @Test
    void aNewConsentShowsOnTheNextRequest() {
        assertThat(layer.towns()).containsExactly(tamale);

        given(downloaderTowns.consentVersion())
                .willReturn(new ConsentVersion(Optional.of(NOW.plusSeconds(5)), Optional.empty()));

        assertThat(layer.towns()).isEmpty();
        verify(downloaderTowns, times(2)).consentedTowns();
    }

    @Test
    void theTimeToLiveBoundsEverythingElse() {
        assertThat(layer.towns()).containsExactly(tamale);

        now.set(NOW.plusSeconds(30));

        assertThat(layer.towns()).isEmpty();
    }
}
