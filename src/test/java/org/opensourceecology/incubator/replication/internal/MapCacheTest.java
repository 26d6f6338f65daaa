package org.opensourceecology.incubator.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The map's cache: a withdrawal of consent on another node (this node's change counter does not move)
 * takes the pin off at once, not after the cache's time to live.
 */
class MapCacheTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    ReplicatedEnterprises enterprises = mock(ReplicatedEnterprises.class);
    ReplicationService replication = mock(ReplicationService.class);
    MapController map = new MapController(
            enterprises,
            replication,
            null,
            new MapSettings("", "", Duration.ofHours(1)),
            null,
            Clock.fixed(NOW, ZoneOffset.UTC));

    ReplicatedEnterprise lagos =
            new ReplicatedEnterprise("Lagos Brick Works", "ceb-press", "owner", "Lagos", "Nigeria", NOW);

    @BeforeEach
    void lagosOnTheMap() {
        ReflectionTestUtils.setField(lagos, "id", 7L);
        lagos.locate(6.52, 3.38);
        lagos.consentToMap(NOW);
        given(replication.changes()).willReturn(0L);
        given(replication.designations(any())).willReturn(Map.of(7L, Designation.INSPIRED));
        given(enterprises.lastMapConsentWithdrawal()).willReturn(Optional.empty());
    }

    @Test
    void servesTheCachedMapWhileNothingChanged() {
        given(enterprises.findOnMap()).willReturn(List.of(lagos));

        assertThat(map.entries()).extracting(MapController.MapEntry::name).containsExactly("Lagos Brick Works");
        assertThat(map.entries()).hasSize(1);

        verify(enterprises, times(1)).findOnMap();
    }

    @Test
    void aWithdrawalOnAnotherNodeTakesThePinOffAtOnce() {
        given(enterprises.findOnMap()).willReturn(List.of(lagos), List.of());
        assertThat(map.entries()).hasSize(1);

        given(enterprises.lastMapConsentWithdrawal()).willReturn(Optional.of(NOW.plusSeconds(1)));

        assertThat(map.entries()).isEmpty();
        verify(enterprises, times(2)).findOnMap();
    }

    @Test
    void aChangeOnThisNodeReloadsToo() {
        given(enterprises.findOnMap()).willReturn(List.of(lagos), List.of());
        assertThat(map.entries()).hasSize(1);

        given(replication.changes()).willReturn(1L);

        assertThat(map.entries()).isEmpty();
    }
}
