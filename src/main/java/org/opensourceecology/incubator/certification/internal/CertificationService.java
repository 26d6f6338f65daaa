package org.opensourceecology.incubator.certification.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.certification.ProductionReportsSource;
import org.opensourceecology.incubator.notification.Notifications;
import org.opensourceecology.incubator.production.ProductionRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications, evidence and the certificate lifecycle; one transaction per command. */
@Service
class CertificationService {

    /** The evidence the eligibility decision takes. */
    record Evidence(
            int verifiedRuns, int unitsBuilt, double qcPassRate, boolean documentationPublished, boolean licenceOpen) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateStore store;
    private final ProductionRecords production;
    private final EnterpriseSpecifications catalog;
    private final Notifications notifications;
    private final CertificationSettings settings;
    private final Clock clock;
    private final ObjectProvider<ProductionReportsSource> reports;

    CertificationService(
            CertificateStore store,
            ProductionRecords production,
            EnterpriseSpecifications catalog,
            Notifications notifications,
            CertificationSettings settings,
            Clock clock,
            ObjectProvider<ProductionReportsSource> reports) {
        this.reports = reports;
        this.store = store;
        this.production = production;
        this.catalog = catalog;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    @Transactional
    public long register(
            String businessKey, String applicantId, String enterpriseSlug, String mentorId, String priorExperience) {
        return store.insertApplication(businessKey, applicantId, enterpriseSlug, mentorId, priorExperience, now());
    }

    @Transactional(readOnly = true)
    public Evidence evidence(String applicantId, String enterpriseSlug) {
        var record = production.recordOf(applicantId, enterpriseSlug);
        boolean licenceOpen =
                catalog.findBySlug(enterpriseSlug).map(LicencePolicy::isOpen).orElse(false);
        return new Evidence(
                record.verifiedRuns(),
                record.unitsBuilt(),
                record.qcPassRate(),
                record.documentationPublished(),
                licenceOpen);
    }

    @Transactional
    public void notifyIneligible(long applicationId, String applicantId, String enterpriseSlug, String reasons) {
        store.decideApplication(applicationId, "INELIGIBLE", null, now());
        notifications.sendToUser(
                applicantId,
                "certification-ineligible",
                Map.of("enterpriseSlug", enterpriseSlug, "reasons", reasons.split("\n")));
    }

    @Transactional
    public void notifyRejected(
            long applicationId, String applicantId, String enterpriseSlug, String comment, String certifierId) {
        store.decideApplication(applicationId, "REJECTED", certifierId, now());
        notifications.sendToUser(
                applicantId,
                "certification-rejected",
                Map.of("enterpriseSlug", enterpriseSlug, "comment", comment == null ? "" : comment));
    }

    /** Issues a certificate with an unguessable id (160 random bits, URL-safe) and mails the holder. */
    @Transactional
    public CertificateStore.Certificate issue(long applicationId, String certifierId) {
        var application = store.findApplication(applicationId)
                .orElseThrow(() -> new NoSuchElementException("No certification application " + applicationId));
        var specification = catalog.findBySlug(application.enterpriseSlug());
        String version = specification.map(s -> s.getOperationsManualVersion()).orElse("unknown");
        String enterpriseName = specification.map(s -> s.getName()).orElse(application.enterpriseSlug());
        Instant issuedAt = now();
        var certificate = new CertificateStore.Certificate(
                randomToken(20),
                applicationId,
                application.applicantId(),
                application.enterpriseSlug(),
                version,
                "Building, selling and documenting the " + enterpriseName + " as a Distributive Enterprise",
                issuedAt,
                plusValidity(issuedAt),
                CertificateStore.Status.VALID,
                null,
                null,
                0,
                null,
                randomToken(16));
        store.insertCertificate(certificate, certifierId);
        store.decideApplication(applicationId, "CERTIFIED", certifierId, issuedAt);
        notifications.sendToUser(
                application.applicantId(),
                "certification-issued",
                Map.of(
                        "certificateId", certificate.id(),
                        "enterpriseName", enterpriseName,
                        "validUntil",
                                certificate.validUntil().atZone(ZoneOffset.UTC).toLocalDate()));
        return certificate;
    }

    Instant renewalReminderDate(Instant validUntil) {
        return validUntil
                .atZone(ZoneOffset.UTC)
                .minus(settings.renewalReminderBeforeExpiry())
                .toInstant();
    }

    @Transactional
    public void sendRenewalReminder(String certificateId) {
        var certificate = get(certificateId);
        notifications.sendToUser(
                certificate.holderId(),
                "certification-renewal-reminder",
                Map.of(
                        "certificateId",
                        certificateId,
                        "validUntil",
                        certificate.validUntil().atZone(ZoneOffset.UTC).toLocalDate()));
    }

    /** Verified runs of the holder in the current validity period: renewal needs production. */
    @Transactional(readOnly = true)
    public long verifiedRunsInPeriod(String certificateId) {
        var certificate = get(certificateId);
        return production.countVerifiedRunsSince(
                certificate.holderId(), certificate.enterpriseSlug(), certificate.periodStart());
    }

    /** Production reports of the holder's replicated enterprise in the current validity period. */
    @Transactional(readOnly = true)
    public long reportsInPeriod(String certificateId) {
        var certificate = get(certificateId);
        var source = reports.getIfAvailable();
        return source == null
                ? 0
                : source.reportsSince(certificate.holderId(), certificate.enterpriseSlug(), certificate.periodStart());
    }

    /**
     * Extends validity by one period from the current end (or from now if that has passed). Renewal
     * needs production in the period: at least one verified run or one production report.
     */
    @Transactional
    public Instant renew(String certificateId) {
        var certificate = get(certificateId);
        if (verifiedRunsInPeriod(certificateId) + reportsInPeriod(certificateId) == 0) {
            throw new BadUserRequestException("Certificate " + certificateId + " cannot be renewed: its holder has"
                    + " neither a verified production run nor a production report since "
                    + certificate.periodStart().atZone(ZoneOffset.UTC).toLocalDate()
                    + ". Decline the renewal or ask for evidence.");
        }
        Instant now = now();
        Instant base = certificate.validUntil().isAfter(now) ? certificate.validUntil() : now;
        Instant validUntil = plusValidity(base);
        store.renew(certificateId, validUntil, now);
        return validUntil;
    }

    @Transactional
    public void expire(String certificateId) {
        store.expire(certificateId);
    }

    @Transactional
    public void revoke(String certificateId, String reason) {
        var certificate = get(certificateId);
        if (store.revoke(certificateId, reason, now()) > 0) {
            notifications.sendToUser(
                    certificate.holderId(),
                    "certification-revoked",
                    Map.of("certificateId", certificateId, "reason", reason == null ? "" : reason));
        }
    }

    @Transactional(readOnly = true)
    public java.util.Optional<CertificateStore.Certificate> find(String certificateId) {
        return store.find(certificateId);
    }

    CertificateStore.Certificate get(String certificateId) {
        return store.find(certificateId)
                .orElseThrow(() -> new NoSuchElementException("No certificate " + certificateId));
    }

    private Instant plusValidity(Instant from) {
        return from.atZone(ZoneOffset.UTC).plus(settings.validity()).toInstant();
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String sha256Hex(String value) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
