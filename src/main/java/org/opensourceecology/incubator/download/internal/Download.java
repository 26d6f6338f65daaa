package org.opensourceecology.incubator.download.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One Operations Manual download, with only what the downloader chose to give. */
@Entity
@Table(name = "manual_download")
class Download {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "specification_slug", nullable = false)
    private String specificationSlug;

    @Column(name = "downloaded_at", nullable = false)
    private Instant downloadedAt;

    private String intent;
    private String city;
    private String country;

    /** Personal data: kept only with consent to follow-up, erased when it is withdrawn. */
    private String email;

    @Column(name = "email_hash")
    private String emailHash;

    @Column(name = "consent_follow_up_at")
    private Instant consentFollowUpAt;

    @Column(name = "consent_map_at")
    private Instant consentMapAt;

    @Column(name = "follow_up_withdrawn_at")
    private Instant followUpWithdrawnAt;

    /** When the consent to the map ended (unsubscribe, erasure, retention); null while it holds. */
    @Column(name = "map_consent_ended_at")
    private Instant mapConsentEndedAt;

    @Column(name = "unsubscribe_token")
    private String unsubscribeToken;

    /** Language tag of the page the download was made from: the follow-up mail is written in it. */
    private String locale;

    protected Download() {}

    Download(String specificationSlug, Instant downloadedAt) {
        this.specificationSlug = specificationSlug;
        this.downloadedAt = downloadedAt;
    }

    void describe(String intent, String city, String country) {
        this.intent = intent;
        this.city = city;
        this.country = country;
    }

    void consentToFollowUp(String email, String emailHash, String unsubscribeToken, Instant at) {
        this.email = email;
        this.emailHash = emailHash;
        this.unsubscribeToken = unsubscribeToken;
        this.consentFollowUpAt = at;
    }

    void writtenIn(java.util.Locale language) {
        this.locale = language == null ? null : language.toLanguageTag();
    }

    /** The language for mail about this download (English for downloads made before languages existed). */
    java.util.Locale language() {
        return locale == null ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag(locale);
    }

    void consentToMap(Instant at) {
        this.consentMapAt = at;
    }

    /**
     * Withdraws the follow-up consent and erases the email; the unsubscribe link is the downloader's
     * only handle, so it withdraws the map consent too. @return false when it was withdrawn before
     */
    boolean withdrawFollowUp(Instant at) {
        if (followUpWithdrawnAt != null) {
            return false;
        }
        followUpWithdrawnAt = at;
        if (consentMapAt != null && mapConsentEndedAt == null) {
            mapConsentEndedAt = at; // the town leaves the map; every node's cache sees this time
        }
        consentMapAt = null;
        email = null;
        emailHash = null;
        return true;
    }

    boolean mayMail() {
        return email != null && consentFollowUpAt != null && followUpWithdrawnAt == null;
    }

    Long getId() {
        return id;
    }

    String getSpecificationSlug() {
        return specificationSlug;
    }

    Instant getDownloadedAt() {
        return downloadedAt;
    }

    String getIntent() {
        return intent;
    }

    String getCity() {
        return city;
    }

    String getCountry() {
        return country;
    }

    String getEmail() {
        return email;
    }

    String getEmailHash() {
        return emailHash;
    }

    Instant getConsentFollowUpAt() {
        return consentFollowUpAt;
    }

    Instant getConsentMapAt() {
        return consentMapAt;
    }

    Instant getMapConsentEndedAt() {
        return mapConsentEndedAt;
    }

    Instant getFollowUpWithdrawnAt() {
        return followUpWithdrawnAt;
    }

    String getUnsubscribeToken() {
        return unsubscribeToken;
    }
}
