package org.opensourceecology.incubator.training.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One person's application for immersion training in one enterprise, and where it stands. */
@Entity
@Table(name = "training_application")
public class TrainingApplication {

    public enum Status {
        SUBMITTED,
        ACCEPTED,
        REJECTED,
        ENROLLED,
        COMPLETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trainee_id", nullable = false)
    private String traineeId;

    @Column(name = "enterprise_slug", nullable = false)
    private String enterpriseSlug;

    // Personal data (free text about the applicant): export and erase with the person.
    @Column(nullable = false)
    private String motivation;

    @Column(name = "prior_skills")
    private String priorSkills;

    @Column(nullable = false)
    private String city;

    @Column(nullable = false)
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.SUBMITTED;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "mentor_id")
    private String mentorId;

    @Column(name = "cohort_id")
    private Long cohortId;

    @Column(name = "curriculum_id")
    private Long curriculumId;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    // Consent to public in-process documentation: when given, and when withdrawn (personal data)
    @Column(name = "consent_public_documentation_at")
    private Instant consentPublicDocumentationAt;

    @Column(name = "public_documentation_withdrawn_at")
    private Instant publicDocumentationWithdrawnAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected TrainingApplication() {}

    public TrainingApplication(
            String traineeId,
            String enterpriseSlug,
            String motivation,
            String priorSkills,
            String city,
            String country,
            Instant submittedAt) {
        this.traineeId = traineeId;
        this.enterpriseSlug = enterpriseSlug;
        this.motivation = motivation;
        this.priorSkills = priorSkills;
        this.city = city;
        this.country = country;
        this.submittedAt = submittedAt;
    }

    void reject(String reason, Instant at) {
        requireStatus(Status.SUBMITTED);
        status = Status.REJECTED;
        rejectionReason = reason;
        decidedAt = at;
    }

    void accept(String mentorId, Instant at) {
        requireStatus(Status.SUBMITTED);
        status = Status.ACCEPTED;
        this.mentorId = mentorId;
        decidedAt = at;
    }

    void enrol(Long cohortId, Long curriculumId) {
        requireStatus(Status.ACCEPTED);
        status = Status.ENROLLED;
        this.cohortId = cohortId;
        this.curriculumId = curriculumId;
    }

    void complete(Instant at) {
        requireStatus(Status.ENROLLED);
        status = Status.COMPLETED;
        completedAt = at;
    }

    /**
     * The trainee agrees that the evidence links and notes of their signed-off milestones are shown on
     * the enterprise's public documentation page. Giving it again after a withdrawal starts a new
     * consent (the withdrawal time is cleared); giving it while it holds changes nothing.
     */
    void consentToPublicDocumentation(Instant at) {
        if (!isDocumentationPublic()) {
            consentPublicDocumentationAt = at;
            publicDocumentationWithdrawnAt = null;
        }
    }

    /**
     * Withdraws the consent: the documentation leaves the public page at once; when it was given stays
     * on record beside when it was withdrawn.
     *
     * @return false when there was no consent to withdraw
     */
    boolean withdrawPublicDocumentation(Instant at) {
        if (!isDocumentationPublic()) {
            return false;
        }
        publicDocumentationWithdrawnAt = at;
        return true;
    }

    /** Whether the trainee's signed-off milestones are shown publicly now. */
    public boolean isDocumentationPublic() {
        return consentPublicDocumentationAt != null && publicDocumentationWithdrawnAt == null;
    }

    private void requireStatus(Status expected) {
        if (status != expected) {
            throw new IllegalStateException("Application " + id + " is " + status + ", not " + expected);
        }
    }

    public Long getId() {
        return id;
    }

    public String getTraineeId() {
        return traineeId;
    }

    public String getEnterpriseSlug() {
        return enterpriseSlug;
    }

    public String getMotivation() {
        return motivation;
    }

    public String getPriorSkills() {
        return priorSkills;
    }

    public String getCity() {
        return city;
    }

    public String getCountry() {
        return country;
    }

    public Status getStatus() {
        return status;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getMentorId() {
        return mentorId;
    }

    public Long getCohortId() {
        return cohortId;
    }

    public Long getCurriculumId() {
        return curriculumId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Instant getConsentPublicDocumentationAt() {
        return consentPublicDocumentationAt;
    }

    public Instant getPublicDocumentationWithdrawnAt() {
        return publicDocumentationWithdrawnAt;
    }
}
