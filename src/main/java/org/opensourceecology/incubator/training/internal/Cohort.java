package org.opensourceecology.incubator.training.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** A group of trainees of one enterprise who start together, with their mentors (Camunda user ids). */
@Entity
@Table(name = "cohort")
public class Cohort {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_slug", nullable = false)
    private String enterpriseSlug;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(nullable = false)
    private int capacity;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "cohort_mentor", joinColumns = @JoinColumn(name = "cohort_id"))
    @Column(name = "mentor_id", nullable = false)
    private Set<String> mentors = new HashSet<>();

    protected Cohort() {}

    public Cohort(String enterpriseSlug, LocalDate startDate, int capacity, Instant createdAt) {
        this.enterpriseSlug = enterpriseSlug;
        this.startDate = startDate;
        this.capacity = capacity;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getEnterpriseSlug() {
        return enterpriseSlug;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public int getCapacity() {
        return capacity;
    }

    public Set<String> getMentors() {
        return mentors;
    }
}
