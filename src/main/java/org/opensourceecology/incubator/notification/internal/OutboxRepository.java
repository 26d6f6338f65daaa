package org.opensourceecology.incubator.notification.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface OutboxRepository extends JpaRepository<OutboxMail, Long> {

    @Query(
            "select m.id from OutboxMail m where m.status = 'PENDING' and m.nextAttemptAt <= :now order by m.nextAttemptAt")
    List<Long> findDue(@Param("now") Instant now, Limit limit);

    List<OutboxMail> findAllByOrderByCreatedAtDesc(Limit limit);

    List<OutboxMail> findByRecipientOrderByCreatedAt(String recipient);

    /**
     * Claims due mail for this node under {@code token}. Only one node's claim of a mail succeeds: a
     * concurrent claim waits for the row and then finds it no longer PENDING.
     */
    @Modifying
    @Query("update OutboxMail m set m.status = 'SENDING', m.attempts = m.attempts + 1, m.nextAttemptAt = :leaseUntil,"
            + " m.claimToken = :token where m.id in :ids and m.status = 'PENDING' and m.nextAttemptAt <= :now")
    int claim(
            @Param("ids") Collection<Long> ids,
            @Param("now") Instant now,
            @Param("leaseUntil") Instant leaseUntil,
            @Param("token") String token);

    /** The mails of {@code ids} that the claim under {@code token} won. */
    @Query("select m from OutboxMail m where m.id in :ids and m.claimToken = :token and m.status = 'SENDING'"
            + " order by m.id")
    List<OutboxMail> findClaimed(@Param("ids") Collection<Long> ids, @Param("token") String token);

    @Transactional
    @Modifying
    @Query("update OutboxMail m set m.status = 'SENT', m.sentAt = :now, m.lastError = null where m.id in :ids")
    int markSent(@Param("ids") Collection<Long> ids, @Param("now") Instant now);

    @Transactional
    @Modifying
    @Query("update OutboxMail m set m.status = :status, m.nextAttemptAt = :next, m.lastError = :error where m.id = :id")
    int markFailedAttempt(
            @Param("id") long id,
            @Param("status") OutboxMail.Status status,
            @Param("next") Instant next,
            @Param("error") String error);

    /** Mails whose sending node died while holding them go back to the queue when their lease ends. */
    @Transactional
    @Modifying
    @Query("update OutboxMail m set m.status = 'PENDING' where m.status = 'SENDING' and m.nextAttemptAt <= :now")
    int releaseExpiredLeases(@Param("now") Instant now);

    @Transactional
    @Modifying
    @Query("update OutboxMail m set m.status = 'PENDING', m.attempts = 0, m.nextAttemptAt = :now where m.id = :id"
            + " and m.status = 'FAILED'")
    int retry(@Param("id") long id, @Param("now") Instant now);

    /** Mail not yet sent (queued or failed) to an address: deleted, so it never goes out. */
    @Transactional
    @Modifying
    @Query("delete from OutboxMail m where lower(m.recipient) = :recipient and m.status in ('PENDING', 'FAILED')")
    int deletePendingTo(@Param("recipient") String recipient);
}
