package org.opensourceecology.incubator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail goes through real SMTP (GreenMail), survives an SMTP outage, and arrives exactly once. */
@IntegrationTest
class MailDeliveryIT {

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void mailQueuedWhileSmtpIsDownArrivesExactlyOnceWhenItIsBack() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = List.of(run + "-1@example.org", run + "-2@example.org", run + "-3@example.org");
        TestMail.stop();
        try {
            transactions.executeWithoutResult(tx -> recipients.forEach(to ->
                    notifications.send(to, "notification-test", Map.of("text", "Outage test " + run), Locale.ENGLISH)));

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(attemptsFailed(recipients)).isEqualTo(recipients.size()));
            assertThat(statuses(recipients)).containsOnly("PENDING");
            // The outbox holds the mail, so the node stays ready; the overall health names SMTP as down.
            assertThat(http.getForEntity("/actuator/health/readiness", String.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            var health = http.getForEntity("/actuator/health", String.class);
            assertThat(health.getStatusCode().value()).isEqualTo(503);
            assertThat(health.getBody()).contains("\"mail\":{\"status\":\"DOWN\"");
        } finally {
            TestMail.server();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statuses(recipients)).containsOnly("SENT"));
        // Give a duplicate delivery, if there were one, the time to arrive before counting.
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        for (String to : recipients) {
            MimeMessage[] received = Arrays.stream(TestMail.server().getReceivedMessages())
                    .filter(m -> recipientsOf(m).contains(to))
                    .toArray(MimeMessage[]::new);
            assertThat(received).as("mail to %s", to).hasSize(1);
            assertThat(GreenMailUtil.getBody(received[0])).contains("Outage test " + run);
        }
    }

    @Test
    void mailOfARolledBackTransactionIsNeverSent() {
        String to = UUID.randomUUID() + "@example.org";
        transactions.executeWithoutResult(tx -> {
            notifications.send(to, "notification-test", Map.of("text", "never"), Locale.ENGLISH);
            tx.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Long.class, to))
                .isZero();
    }

    @Test
    void sendingOutsideATransactionIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        notifications.send("x@example.org", "notification-test", Map.of("text", "x"), Locale.ENGLISH))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    private static String recipientsOf(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long attemptsFailed(List<String> recipients) {
        return recipients.stream()
                .filter(to -> Boolean.TRUE.equals(jdbc.queryForObject(
                        "select attempts > 0 and last_error is not null from mail_outbox where recipient = ?",
                        Boolean.class,
                        to)))
                .count();
    }

    private List<String> statuses(List<String> recipients) {
        return recipients.stream()
                .map(to -> jdbc.queryForObject("select status from mail_outbox where recipient = ?", String.class, to))
                .toList();
    }
}
