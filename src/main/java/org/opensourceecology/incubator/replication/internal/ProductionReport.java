package org.opensourceecology.incubator.replication.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What a replicated enterprise produced and sold in one reporting period, as its owner reported it. */
@Entity
@Table(name = "production_report")
class ProductionReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(name = "period_label", nullable = false)
    private String periodLabel;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "units_produced", nullable = false)
    private long unitsProduced;

    @Column(name = "units_sold", nullable = false)
    private long unitsSold;

    @Column(name = "sales_value", nullable = false)
    private BigDecimal salesValue;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private BigDecimal costs;

    @Column(name = "hours_worked", nullable = false)
    private BigDecimal hoursWorked;

    /** Free text written by the owner: personal data for export and erasure. */
    private String notes;

    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    protected ProductionReport() {}

    ProductionReport(
            Long enterpriseId, ReportingPeriod period, ReportFigures figures, String submittedBy, Instant now) {
        this.enterpriseId = enterpriseId;
        this.periodLabel = period.label();
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.unitsProduced = figures.unitsProduced();
        this.unitsSold = figures.unitsSold();
        this.salesValue = figures.salesValue();
        this.currency = figures.currency();
        this.costs = figures.costs();
        this.hoursWorked = figures.hoursWorked();
        this.notes = figures.notes();
        this.submittedBy = submittedBy;
        this.submittedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getEnterpriseId() {
        return enterpriseId;
    }

    String getPeriodLabel() {
        return periodLabel;
    }

    LocalDate getPeriodStart() {
        return periodStart;
    }

    LocalDate getPeriodEnd() {
        return periodEnd;
    }

    long getUnitsProduced() {
        return unitsProduced;
    }

    long getUnitsSold() {
        return unitsSold;
    }

    BigDecimal getSalesValue() {
        return salesValue;
    }

    String getCurrency() {
        return currency;
    }

    BigDecimal getCosts() {
        return costs;
    }

    BigDecimal getHoursWorked() {
        return hoursWorked;
    }

    String getNotes() {
        return notes;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }
}
