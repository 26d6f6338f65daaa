package org.opensourceecology.incubator.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Limit;
import org.springframework.test.util.ReflectionTestUtils;

class MailDispatcherTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final MailSettings SETTINGS = new MailSettings(
            "incubator@test", Path.of("target/mail"), 3, Duration.ofSeconds(30), Duration.ofSeconds(5));

    OutboxRepository outbox = mock(OutboxRepository.class);
    MailTransport transport = mock(MailTransport.class);
    MailDispatcher dispatcher = new MailDispatcher(outbox, SETTINGS, transport, Clock.fixed(NOW, ZoneOffset.UTC));

    OutboxMail claimedMail(long id, int attemptsSoFar) {
        var mail = new OutboxMail("a@example.org", "Subject", "Body", "test", NOW);
        ReflectionTestUtils.setField(mail, "id", id);
        ReflectionTestUtils.setField(mail, "attempts", attemptsSoFar);
        when(outbox.findDue(eq(NOW), any(Limit.class))).thenReturn(List.of(id));
        when(outbox.claim(eq(id), eq(NOW), any())).thenReturn(1);
        when(outbox.findById(id)).thenReturn(Optional.of(mail));
        return mail;
    }

    @Test
    void deliveredMailIsMarkedSent() throws Exception {
        var mail = claimedMail(1, 1);

        dispatcher.dispatchDue();

        verify(transport).deliver("incubator@test", mail);
        verify(outbox).markSent(1, NOW);
    }

    @Test
    void failedAttemptIsRetriedWithExponentialBackoff() throws Exception {
        var mail = claimedMail(2, 2);
        org.mockito.Mockito.doThrow(new IllegalStateException("SMTP down"))
                .when(transport)
                .deliver(anyString(), eq(mail));

        dispatcher.dispatchDue();

        verify(outbox)
                .markFailedAttempt(
                        2,
                        OutboxMail.Status.PENDING,
                        NOW.plus(Duration.ofSeconds(60)),
                        "IllegalStateException: SMTP down");
        verify(outbox, never()).markSent(eq(2L), any());
    }

    @Test
    void mailThatKeepsFailingWaitsForAnAdmin() throws Exception {
        var mail = claimedMail(3, 3);
        org.mockito.Mockito.doThrow(new IllegalStateException("mailbox full"))
                .when(transport)
                .deliver(anyString(), eq(mail));

        dispatcher.dispatchDue();

        verify(outbox)
                .markFailedAttempt(
                        eq(3L), eq(OutboxMail.Status.FAILED), any(), eq("IllegalStateException: mailbox full"));
    }

    @Test
    void mailClaimedByAnotherNodeIsLeftAlone() throws Exception {
        claimedMail(4, 1);
        when(outbox.claim(eq(4L), eq(NOW), any())).thenReturn(0);

        dispatcher.dispatchDue();

        verify(transport, never()).deliver(anyString(), any());
    }

    @Test
    void aRunDeliversBatchAfterBatchWhileFullBatchesAreDue() throws Exception {
        var ids = new java.util.ArrayList<Long>();
        for (long id = 1; id <= MailDispatcher.BATCH * 2 + 1; id++) {
            var mail = new OutboxMail("a@example.org", "Subject", "Body", "test", NOW);
            ReflectionTestUtils.setField(mail, "id", id);
            when(outbox.claim(eq(id), eq(NOW), any())).thenReturn(1);
            when(outbox.findById(id)).thenReturn(Optional.of(mail));
            ids.add(id);
        }
        when(outbox.findDue(eq(NOW), any(Limit.class)))
                .thenReturn(
                        ids.subList(0, MailDispatcher.BATCH),
                        ids.subList(MailDispatcher.BATCH, MailDispatcher.BATCH * 2),
                        ids.subList(MailDispatcher.BATCH * 2, ids.size()));

        dispatcher.dispatchDue();

        verify(transport, org.mockito.Mockito.times(ids.size())).deliver(anyString(), any());
        verify(outbox, org.mockito.Mockito.times(3)).findDue(eq(NOW), any(Limit.class));
    }

    @Test
    void aRunStopsAfterItsLastBatchSoThatOtherScheduledWorkGetsItsTurn() {
        when(outbox.findDue(eq(NOW), any(Limit.class)))
                .thenReturn(java.util.Collections.nCopies(MailDispatcher.BATCH, 7L));
        when(outbox.claim(eq(7L), eq(NOW), any())).thenReturn(0);

        dispatcher.dispatchDue();

        verify(outbox, org.mockito.Mockito.times(MailDispatcher.MAX_BATCHES)).findDue(eq(NOW), any(Limit.class));
    }

    @Test
    void backoffDoublesUpToAnHour() {
        assertThat(SETTINGS.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SETTINGS.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SETTINGS.backoffAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(SETTINGS.backoffAfter(30)).isEqualTo(Duration.ofHours(1));
    }
}
