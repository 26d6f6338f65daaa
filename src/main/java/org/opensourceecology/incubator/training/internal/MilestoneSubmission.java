package org.opensourceecology.incubator.training.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt of a trainee at a milestone: the evidence, and the mentor's decision on it. */
@Entity
@Table(name = "milestone_submission")
public class MilestoneSubmission {

    public enum Status {
        SUBMITTED,
        RETURNED,
        SIGNED_OFF
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private Long applicationId;

    @Column(name = "milestone_id", nullable = false)
    private Long milestoneId;

    @Column(nullable = false)
    private int attempt;

    // Personal data (links and free text by the trainee)
    @Column(name = "evidence_urls", nullable = false)
    private String evidenceUrls;

    @Column
    private String notes;

    @Column(name = "hours_spent")
    private Integer hoursSpent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.SUBMITTED;

    @Column(name = "mentor_comment")
    private String mentorComment;

    @Column(name = "signed_off_by")
    private String signedOffBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected MilestoneSubmission() {}

    public MilestoneSubmission(
            Long applicationId,
            Long milestoneId,
            int attempt,
            String evidenceUrls,
            String notes,
            Integer hoursSpent,
            Instant submittedAt) {
        this.applicationId = applicationId;
        this.milestoneId = milestoneId;
        this.attempt = attempt;
        this.evidenceUrls = evidenceUrls;
        this.notes = notes;
        this.hoursSpent = hoursSpent;
        this.submittedAt = submittedAt;
    }

    void decide(boolean approved, String comment, String mentorId, Instant at) {
        if (status != Status.SUBMITTED) {
            throw new IllegalStateException("Submission " + id + " is already " + status);
        }
        status = approved ? Status.SIGNED_OFF : Status.RETURNED;
        mentorComment = comment;
        signedOffBy = mentorId;
        decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Long getMilestoneId() {
        return milestoneId;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getEvidenceUrls() {
        return evidenceUrls;
    }

    public String getNotes() {
        return notes;
    }

    public Integer getHoursSpent() {
        return hoursSpent;
    }

    public Status getStatus() {
        return status;
    }

    public String getMentorComment() {
        return mentorComment;
    }

    public String getSignedOffBy() {
        return signedOffBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
