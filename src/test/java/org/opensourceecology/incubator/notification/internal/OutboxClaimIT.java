package org.opensourceecology.incubator.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL: two nodes claiming the same due mail at once. The mail is due in 2100, so that this
 * context's own dispatcher, on the real clock, leaves it alone.
 */
@IntegrationTest
class OutboxClaimIT {

    static final Instant NOW = Instant.parse("2100-01-01T00:00:00Z");
    static final Instant LEASE = NOW.plus(MailSettings.LEASE);

    @Autowired
    OutboxRepository outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeTheMail() {
        jdbc.update("delete from mail_outbox where recipient like ?", run + "-%");
    }

    List<Long> dueMail(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> outbox.save(new OutboxMail(run + "-" + i + "@example.org", "s", "b", "claim-test", NOW))
                        .getId())
                .toList();
    }

    List<OutboxMail> claim(List<Long> ids, String token) {
        return transactions.execute(tx -> {
            outbox.claim(ids, NOW, LEASE, token);
            return outbox.findClaimed(ids, token);
        });
    }

    @Test
    void aClaimTakesTheDueMailOfItsBatchAndCountsTheAttempt() {
        var ids = dueMail(3);

        var claimed = claim(ids, "node-a");

        assertThat(claimed).extracting(OutboxMail::getId).containsExactlyElementsOf(ids);
        assertThat(claimed).allSatisfy(mail -> {
            assertThat(mail.getStatus()).isEqualTo(OutboxMail.Status.SENDING);
            assertThat(mail.getAttempts()).isEqualTo(1);
            assertThat(mail.getNextAttemptAt()).isEqualTo(LEASE);
        });
        assertThat(claim(ids, "node-b")).as("a second claim of claimed mail").isEmpty();

        assertThat(outbox.markSent(ids, NOW)).isEqualTo(3);
        assertThat(outbox.findAllById(ids)).extracting(OutboxMail::getStatus).containsOnly(OutboxMail.Status.SENT);
    }

    @Test
    void ofTwoNodesClaimingTheSameMailAtOnceOnlyOneGetsEachMail() throws Exception {
        var ids = dueMail(20);
        var firstClaimed = new CountDownLatch(1);

        // Node A claims and holds its transaction open; node B claims the same batch meanwhile, waits for
        // A's rows, and then must find them no longer pending.
        var nodeA = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            outbox.claim(ids.subList(0, 12), NOW, LEASE, "node-a");
            firstClaimed.countDown();
            await().pollDelay(Duration.ofMillis(300)).until(() -> true);
            return outbox.findClaimed(ids, "node-a");
        }));
        assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        var nodeB = CompletableFuture.supplyAsync(() -> claim(ids, "node-b"));

        var a = nodeA.get(10, TimeUnit.SECONDS).stream().map(OutboxMail::getId).toList();
        var b = nodeB.get(10, TimeUnit.SECONDS).stream().map(OutboxMail::getId).toList();
        assertThat(a).containsExactlyElementsOf(ids.subList(0, 12));
        assertThat(b).containsExactlyElementsOf(ids.subList(12, 20));
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where recipient like ? and attempts = 1 and status = 'SENDING'",
                        Long.class,
                        run + "-%"))
                .isEqualTo(20);
    }
}
