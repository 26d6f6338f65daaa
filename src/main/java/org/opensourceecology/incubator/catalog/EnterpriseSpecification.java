package org.opensourceecology.incubator.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An enterprise specification: one open product and the published enterprise around it, with the
 * statement of why it qualifies as a Distributive Enterprise.
 */
@Entity
@Table(name = "enterprise_specification")
public class EnterpriseSpecification {

    public enum Status {
        DRAFT,
        IN_REVIEW,
        PUBLISHED,
        RETIRED
    }

    public enum RevenueModel {
        TRAINING,
        PRODUCTION,
        SOCIAL_BUSINESS
    }

    public enum AssetType {
        BILL_OF_MATERIALS,
        MANUFACTURING_PLANS,
        QC_PROCEDURE,
        BUSINESS_PLAN,
        MARKETING_ASSETS,
        WEBSITE_TEMPLATE
    }

    /** A typed link to one of the enterprise's published assets. */
    @Embeddable
    public record Asset(
            @Enumerated(EnumType.STRING) @Column(name = "type", nullable = false)
            AssetType type,

            @Column(name = "title", nullable = false) String title,
            @Column(name = "url", nullable = false) String url) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String summary;

    @Column(nullable = false)
    private String category;

    @Column(nullable = false)
    private String version;

    @Column(name = "hardware_license", nullable = false)
    private String hardwareLicense;

    @Column(name = "software_license", nullable = false)
    private String softwareLicense;

    @Column(name = "documentation_license", nullable = false)
    private String documentationLicense;

    @Column(name = "operations_manual_url", nullable = false)
    private String operationsManualUrl;

    @Column(name = "operations_manual_version", nullable = false)
    private String operationsManualVersion;

    @Column(name = "open_source_statement", nullable = false)
    private String openSourceStatement;

    @Column(name = "business_model_statement", nullable = false)
    private String businessModelStatement;

    @Column(name = "dogfooding_statement", nullable = false)
    private String dogfoodingStatement;

    @ElementCollection
    @CollectionTable(name = "enterprise_revenue_model", joinColumns = @JoinColumn(name = "specification_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "revenue_model", nullable = false)
    private Set<RevenueModel> revenueModels = EnumSet.noneOf(RevenueModel.class);

    @ElementCollection
    @CollectionTable(name = "enterprise_asset", joinColumns = @JoinColumn(name = "specification_id"))
    @OrderColumn(name = "position")
    private List<Asset> assets = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.DRAFT;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected EnterpriseSpecification() {}

    public EnterpriseSpecification(String slug, String name, Instant createdAt) {
        this.slug = slug;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getHardwareLicense() {
        return hardwareLicense;
    }

    public void setHardwareLicense(String hardwareLicense) {
        this.hardwareLicense = hardwareLicense;
    }

    public String getSoftwareLicense() {
        return softwareLicense;
    }

    public void setSoftwareLicense(String softwareLicense) {
        this.softwareLicense = softwareLicense;
    }

    public String getDocumentationLicense() {
        return documentationLicense;
    }

    public void setDocumentationLicense(String documentationLicense) {
        this.documentationLicense = documentationLicense;
    }

    public String getOperationsManualUrl() {
        return operationsManualUrl;
    }

    public void setOperationsManualUrl(String operationsManualUrl) {
        this.operationsManualUrl = operationsManualUrl;
    }

    public String getOperationsManualVersion() {
        return operationsManualVersion;
    }

    public void setOperationsManualVersion(String operationsManualVersion) {
        this.operationsManualVersion = operationsManualVersion;
    }

    public String getOpenSourceStatement() {
        return openSourceStatement;
    }

    public void setOpenSourceStatement(String openSourceStatement) {
        this.openSourceStatement = openSourceStatement;
    }

    public String getBusinessModelStatement() {
        return businessModelStatement;
    }

    public void setBusinessModelStatement(String businessModelStatement) {
        this.businessModelStatement = businessModelStatement;
    }

    public String getDogfoodingStatement() {
        return dogfoodingStatement;
    }

    public void setDogfoodingStatement(String dogfoodingStatement) {
        this.dogfoodingStatement = dogfoodingStatement;
    }

    public Set<RevenueModel> getRevenueModels() {
        return revenueModels;
    }

    public List<Asset> getAssets() {
        return assets;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(String submittedBy) {
        this.submittedBy = submittedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }
}
