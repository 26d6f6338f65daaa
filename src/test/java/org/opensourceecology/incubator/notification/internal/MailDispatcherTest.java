package org.opensourceecology.incubator.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.Limit;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionOperations;

class MailDispatcherTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final MailSettings SETTINGS = new MailSettings(
            "incubator@test", Path.of("target/mail"), 3, Duration.ofSeconds(30), Duration.ofSeconds(5));

    OutboxRepository outbox = mock(OutboxRepository.class);
    MailTransport transport = mock(MailTransport.class);
    MailDispatcher dispatcher = new MailDispatcher(
            outbox, TransactionOperations.withoutTransaction(), SETTINGS, transport, Clock.fixed(NOW, ZoneOffset.UTC));

    static OutboxMail mail(long id, int attemptsSoFar) {
        var mail = new OutboxMail("a@example.org", "Subject", "Body", "test", NOW);
        ReflectionTestUtils.setField(mail, "id", id);
        ReflectionTestUtils.setField(mail, "attempts", attemptsSoFar);
        return mail;
    }

    /** The outbox holds {@code mails} due, and this node's claim wins them all. */
    void due(OutboxMail... mails) {
        var ids = Arrays.stream(mails).map(OutboxMail::getId).toList();
        when(outbox.findDue(eq(NOW), any(Limit.class))).thenReturn(ids);
        when(outbox.claim(eq(ids), eq(NOW), any(), anyString())).thenReturn(mails.length);
        when(outbox.findClaimed(eq(ids), anyString())).thenReturn(List.of(mails));
    }

    OutboxMail claimedMail(long id, int attemptsSoFar) {
        var mail = mail(id, attemptsSoFar);
        due(mail);
        return mail;
    }

    @Test
    void deliveredMailIsMarkedSent() throws Exception {
        var mail = claimedMail(1, 1);

        dispatcher.dispatchDue();

        verify(transport).deliver("incubator@test", mail);
        verify(outbox).markSent(List.of(1L), NOW);
    }

    @Test
    void aBatchIsClaimedUnderOneTokenAndMarkedSentInOneUpdate() throws Exception {
        var first = mail(5, 1);
        var second = mail(6, 1);
        due(first, second);

        dispatcher.dispatchDue();

        var token = ArgumentCaptor.forClass(String.class);
        verify(outbox).claim(eq(List.of(5L, 6L)), eq(NOW), eq(NOW.plus(MailSettings.LEASE)), token.capture());
        verify(outbox).findClaimed(List.of(5L, 6L), token.getValue());
        verify(transport).deliver("incubator@test", first);
        verify(transport).deliver("incubator@test", second);
        verify(outbox).markSent(List.of(5L, 6L), NOW);
    }

    @Test
    void onlyTheMailsThatWentOutAreMarkedSent() throws Exception {
        var fails = mail(7, 1);
        var goes = mail(8, 1);
        due(fails, goes);
        doThrow(new IllegalStateException("recipient refused")).when(transport).deliver(anyString(), eq(fails));

        dispatcher.dispatchDue();

        verify(outbox).markSent(List.of(8L), NOW);
        verify(outbox).markFailedAttempt(eq(7L), eq(OutboxMail.Status.PENDING), any(), anyString());
    }

    @Test
    void mailsAlreadyDeliveredAreMarkedSentEvenWhenTheBatchBreaksOff() throws Exception {
        var goes = mail(9, 1);
        var breaks = mail(10, 1);
        due(goes, breaks);
        doThrow(new LinkageError("transport broke off")).when(transport).deliver(anyString(), eq(breaks));

        assertThatThrownBy(dispatcher::dispatchDue).isInstanceOf(LinkageError.class);

        verify(outbox).markSent(List.of(9L), NOW);
    }

    @Test
    void failedAttemptIsRetriedWithExponentialBackoff() throws Exception {
        var mail = claimedMail(2, 2);
        doThrow(new IllegalStateException("SMTP down")).when(transport).deliver(anyString(), eq(mail));

        dispatcher.dispatchDue();

        verify(outbox)
                .markFailedAttempt(
                        2,
                        OutboxMail.Status.PENDING,
                        NOW.plus(Duration.ofSeconds(60)),
                        "IllegalStateException: SMTP down");
        verify(outbox, never()).markSent(any(), any());
    }

    @Test
    void mailThatKeepsFailingWaitsForAnAdmin() throws Exception {
        var mail = claimedMail(3, 3);
        doThrow(new IllegalStateException("mailbox full")).when(transport).deliver(anyString(), eq(mail));

        dispatcher.dispatchDue();

        verify(outbox)
                .markFailedAttempt(
                        eq(3L), eq(OutboxMail.Status.FAILED), any(), eq("IllegalStateException: mailbox full"));
    }

    @Test
    void mailClaimedByAnotherNodeIsLeftAlone() throws Exception {
        claimedMail(4, 1);
        when(outbox.claim(any(), eq(NOW), any(), anyString())).thenReturn(0);
        when(outbox.findClaimed(any(), anyString())).thenReturn(List.of());

        dispatcher.dispatchDue();

        verify(transport, never()).deliver(anyString(), any());
        verify(outbox, never()).markSent(any(), any());
    }

    @Test
    void aRunDeliversBatchAfterBatchWhileFullBatchesAreDue() throws Exception {
        var ids = new ArrayList<Long>();
        var mails = new ArrayList<OutboxMail>();
        for (long id = 1; id <= MailDispatcher.BATCH * 2 + 1; id++) {
            ids.add(id);
            mails.add(mail(id, 1));
        }
        var batches = List.of(
                ids.subList(0, MailDispatcher.BATCH),
                ids.subList(MailDispatcher.BATCH, MailDispatcher.BATCH * 2),
                ids.subList(MailDispatcher.BATCH * 2, ids.size()));
        when(outbox.findDue(eq(NOW), any(Limit.class))).thenReturn(batches.get(0), batches.get(1), batches.get(2));
        for (var batch : batches) {
            when(outbox.findClaimed(eq(batch), anyString())).thenReturn(mails.subList((int) (batch.get(0) - 1), (int)
                    (batch.get(batch.size() - 1).longValue())));
        }

        dispatcher.dispatchDue();

        verify(transport, times(ids.size())).deliver(anyString(), any());
        verify(outbox, times(3)).findDue(eq(NOW), any(Limit.class));
        batches.forEach(batch -> verify(outbox).markSent(batch, NOW));
    }

    @Test
    void aRunStopsAfterItsLastBatchSoThatOtherScheduledWorkGetsItsTurn() {
        when(outbox.findDue(eq(NOW), any(Limit.class))).thenReturn(Collections.nCopies(MailDispatcher.BATCH, 7L));

        dispatcher.dispatchDue();

        verify(outbox, times(MailDispatcher.MAX_BATCHES)).findDue(eq(NOW), any(Limit.class));
    }

    @Test
    void backoffDoublesUpToAnHour() {
        assertThat(SETTINGS.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SETTINGS.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SETTINGS.backoffAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(SETTINGS.backoffAfter(30)).isEqualTo(Duration.ofHours(1));
    }
}
