package org.opensourceecology.incubator.certification.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensourceecology.incubator.production.ProductionRecords;

/**
 * A certificate as an Open Badges 3.0 {@code OpenBadgeCredential} (W3C Verifiable Credentials data
 * model 2.0). The holder's email appears only salted and hashed.
 */
final class OpenBadge {

    private OpenBadge() {}

    static Map<String, Object> credential(
            CertificateStore.Certificate certificate,
            String enterpriseName,
            String holderEmail,
            List<ProductionRecords.VerifiedRun> runs,
            CertificationSettings settings,
            String baseUrl,
            Instant now) {
        String url = baseUrl + "/certificates/" + certificate.id();
        var credential = new LinkedHashMap<String, Object>();
        credential.put(
                "@context",
                List.of(
                        "https://www.w3.org/ns/credentials/v2",
                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        credential.put("id", baseUrl + "/api/certificates/" + certificate.id());
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", "Certified producer: " + enterpriseName);
        credential.put(
                "issuer",
                Map.of(
                        "id", settings.issuerUrl(),
                        "type", List.of("Profile"),
                        "name", settings.issuerName(),
                        "url", settings.issuerUrl()));
        credential.put("validFrom", iso(certificate.issuedAt()));
        credential.put("validUntil", iso(certificate.validUntil()));
        var subject = new LinkedHashMap<String, Object>();
        subject.put("type", List.of("AchievementSubject"));
        if (holderEmail != null && !holderEmail.isBlank()) {
            subject.put(
                    "identifier",
                    List.of(Map.of(
                            "type",
                            "IdentityObject",
                            "identityHash",
                            "sha256$"
                                    + CertificationService.sha256Hex(
                                            holderEmail.trim().toLowerCase(java.util.Locale.ROOT)
                                                    + certificate.identitySalt()),
                            "identityType",
                            "emailAddress",
                            "hashed",
                            true,
                            "salt",
                            certificate.identitySalt())));
        }
        subject.put(
                "achievement",
                Map.of(
                        "id",
                        baseUrl + "/enterprises/" + certificate.enterpriseSlug() + "#certification",
                        "type",
                        List.of("Achievement"),
                        "achievementType",
                        "Certificate",
                        "name",
                        "Certified producer: " + enterpriseName,
                        "description",
                        certificate.scope() + " (Operations Manual " + certificate.operationsManualVersion() + ").",
                        "criteria",
                        Map.of(
                                "narrative",
                                "Completed immersion training or declared prior experience; built at least 3 units "
                                        + "in production runs verified by a mentor with at least 90% of units passing "
                                        + "every quality-control check; published the in-process documentation; "
                                        + "reviewed by a certifier who did not mentor the holder.")));
        credential.put("credentialSubject", subject);
        credential.put(
                "evidence",
                runs.stream()
                        .map(run -> {
                            var evidence = new LinkedHashMap<String, Object>();
                            if (run.documentationUrl() != null) {
                                evidence.put("id", run.documentationUrl());
                            }
                            evidence.put("type", List.of("Evidence"));
                            evidence.put("name", "Verified production run " + run.id());
                            evidence.put(
                                    "description",
                                    run.unitsBuilt() + " units, verified "
                                            + run.verifiedAt()
                                                    .atZone(ZoneOffset.UTC)
                                                    .toLocalDate());
                            evidence.put("narrative", "Unit serial numbers: " + String.join(", ", run.serials()));
                            return evidence;
                        })
                        .toList());
        var status = certificate.effectiveStatus(now);
        credential.put(
                "credentialStatus",
                Map.of(
                        "id",
                        url + "#status",
                        "type",
                        "1EdTechRevocationList",
                        "status",
                        status.name().toLowerCase(java.util.Locale.ROOT)));
        if (certificate.revocationReason() != null) {
            credential.put("revocationReason", certificate.revocationReason());
        }
        return credential;
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
