package org.opensourceecology.incubator.replication.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * An enterprise replicated in another town. Personal data: the owner and mentor ids (Camunda user ids,
 * never names) and the website; the location is coarse (city, country, coordinates to 2 decimals,
 * about 1 km) and shown on the public map only with the owner's consent.
 */
@Entity
@Table(name = "replicated_enterprise")
class ReplicatedEnterprise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "enterprise_slug", nullable = false)
    private String enterpriseSlug;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    // few per enterprise, needed for every ownership and certificate check: one sub-select per query
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "replicated_enterprise_co_owner", joinColumns = @JoinColumn(name = "enterprise_id"))
    @Column(name = "owner_id", nullable = false)
    private Set<String> coOwnerIds = new HashSet<>();

    @Column(nullable = false)
    private String city;

    @Column(nullable = false)
    private String country;

    private BigDecimal latitude;

    private BigDecimal longitude;

    @Column(name = "consent_map", nullable = false)
    private boolean consentMap;

    /** When the consent now or last in force was given. */
    @Column(name = "consent_map_at")
    private Instant consentMapAt;

    /** When that consent was withdrawn; null while it holds. */
    @Column(name = "map_consent_withdrawn_at")
    private Instant mapConsentWithdrawnAt;

    private String website;

    @Column(name = "founded_on")
    private LocalDate foundedOn;

    @Column(name = "trained_by")
    private String trainedBy;

    @Column(name = "startup_cost")
    private BigDecimal startupCost;

    @Column(name = "startup_cost_currency")
    private String startupCostCurrency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnterpriseStatus status = EnterpriseStatus.ACTIVE;

    @Column(name = "consecutive_missed_reports", nullable = false)
    private int consecutiveMissedReports;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected ReplicatedEnterprise() {}

    ReplicatedEnterprise(String name, String enterpriseSlug, String ownerId, String city, String country, Instant now) {
        this.name = name;
        this.enterpriseSlug = enterpriseSlug;
        this.ownerId = ownerId;
        this.city = city;
        this.country = country;
        this.registeredAt = now;
        this.statusChangedAt = now;
    }

    /** Coordinates are kept to 2 decimals (about 1 km): enough for a map, not an address. */
    static BigDecimal coarse(Double degrees) {
        return degrees == null ? null : BigDecimal.valueOf(degrees).setScale(2, RoundingMode.HALF_UP);
    }

    void locate(Double latitude, Double longitude) {
        this.latitude = coarse(latitude);
        this.longitude = coarse(longitude);
    }

    /**
     * The owner agrees to be on the public map. Giving it again after a withdrawal is a new consent
     * (new time, the withdrawal cleared); giving it while it holds changes nothing.
     *
     * @return false when the consent already held
     */
    boolean consentToMap(Instant at) {
        if (consentMap) {
            return false;
        }
        consentMap = true;
        consentMapAt = at;
        mapConsentWithdrawnAt = null;
        return true;
    }

    /**
     * The owner withdraws the consent: the pin leaves the map at once; when it was given stays on record.
     *
     * @return false when there was no consent to withdraw
     */
    boolean withdrawMapConsent(Instant at) {
        if (!consentMap) {
            return false;
        }
        consentMap = false;
        mapConsentWithdrawnAt = at;
        return true;
    }

    /** A report arrived: the count of missed reports starts again, and a lapsed enterprise is active again. */
    void reported(Instant now) {
        consecutiveMissedReports = 0;
        if (status == EnterpriseStatus.LAPSED) {
            changeStatus(EnterpriseStatus.ACTIVE, now);
        }
    }

    /**
     * A period passed without a report.
     *
     * @return true when this miss made the enterprise lapse
     */
    boolean missedReport(int lapseAfter, Instant now) {
        consecutiveMissedReports++;
        if (status == EnterpriseStatus.ACTIVE && consecutiveMissedReports >= lapseAfter) {
            changeStatus(EnterpriseStatus.LAPSED, now);
            return true;
        }
        return false;
    }

    void close(Instant now) {
        if (status != EnterpriseStatus.CLOSED) {
            changeStatus(EnterpriseStatus.CLOSED, now);
            closedAt = now;
        }
    }

    private void changeStatus(EnterpriseStatus status, Instant now) {
        this.status = status;
        this.statusChangedAt = now;
    }

    /** The owner and every co-owner. */
    Set<String> owners() {
        var owners = new LinkedHashSet<String>();
        owners.add(ownerId);
        owners.addAll(coOwnerIds);
        return owners;
    }

    boolean isOwnedBy(String userId) {
        return owners().contains(userId);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getEnterpriseSlug() {
        return enterpriseSlug;
    }

    String getOwnerId() {
        return ownerId;
    }

    Set<String> getCoOwnerIds() {
        return coOwnerIds;
    }

    String getCity() {
        return city;
    }

    String getCountry() {
        return country;
    }

    BigDecimal getLatitude() {
        return latitude;
    }

    BigDecimal getLongitude() {
        return longitude;
    }

    boolean isConsentMap() {
        return consentMap;
    }

    Instant getConsentMapAt() {
        return consentMapAt;
    }

    Instant getMapConsentWithdrawnAt() {
        return mapConsentWithdrawnAt;
    }

    String getWebsite() {
        return website;
    }

    void setWebsite(String website) {
        this.website = website;
    }

    LocalDate getFoundedOn() {
        return foundedOn;
    }

    void setFoundedOn(LocalDate foundedOn) {
        this.foundedOn = foundedOn;
    }

    String getTrainedBy() {
        return trainedBy;
    }

    void setTrainedBy(String trainedBy) {
        this.trainedBy = trainedBy;
    }

    BigDecimal getStartupCost() {
        return startupCost;
    }

    String getStartupCostCurrency() {
        return startupCostCurrency;
    }

    void setStartupCost(BigDecimal startupCost, String currency) {
        this.startupCost = startupCost;
        this.startupCostCurrency = currency;
    }

    EnterpriseStatus getStatus() {
        return status;
    }

    int getConsecutiveMissedReports() {
        return consecutiveMissedReports;
    }

    Instant getRegisteredAt() {
        return registeredAt;
    }

    Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}
