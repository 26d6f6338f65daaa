package org.opensourceecology.incubator.training.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One step of an enterprise's curriculum (table curriculum_milestone). Milestones are data: adding or
 * reordering them (position) needs no change to the BPMN.
 */
@Entity
@Table(name = "curriculum_milestone")
public class CurriculumMilestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "curriculum_id", nullable = false)
    private Long curriculumId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Column(name = "evidence_required", nullable = false)
    private String evidenceRequired;

    @Column(name = "expected_days", nullable = false)
    private int expectedDays;

    protected CurriculumMilestone() {}

    public CurriculumMilestone(
            Long curriculumId, int position, String title, String description, String evidenceRequired, int days) {
        this.curriculumId = curriculumId;
        this.position = position;
        this.title = title;
        this.description = description;
        this.evidenceRequired = evidenceRequired;
        this.expectedDays = days;
    }

    public Long getId() {
        return id;
    }

    public Long getCurriculumId() {
        return curriculumId;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getEvidenceRequired() {
        return evidenceRequired;
    }

    public int getExpectedDays() {
        return expectedDays;
    }
}
