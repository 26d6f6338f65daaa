package org.opensourceecology.incubator.certification.internal;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.NoSuchElementException;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.certification.Certifications;
import org.opensourceecology.incubator.identity.CurrentUser;
import org.opensourceecology.incubator.identity.Directory;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.production.ProductionRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Public verification of certificates (page and Open Badges JSON), revocation by certifiers and
 * direct applications for certification.
 */
@Controller
class CertificateController {

    record RevocationRequest(String reason) {}

    record CertificationRequest(String enterpriseSlug, String priorExperience) {}

    private final CertificationService certification;
    private final Certifications certifications;
    private final Directory directory;
    private final EnterpriseSpecifications catalog;
    private final ProductionRecords production;
    private final CertificationSettings settings;
    private final String baseUrl;

    CertificateController(
            CertificationService certification,
            Certifications certifications,
            Directory directory,
            EnterpriseSpecifications catalog,
            ProductionRecords production,
            CertificationSettings settings,
            @Value("${incubator.base-url:http://localhost:8080}") String baseUrl) {
        this.certification = certification;
        this.certifications = certifications;
        this.directory = directory;
        this.catalog = catalog;
        this.production = production;
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/certificates/{id}")
    String page(@PathVariable String id, Model model) {
        var certificate = find(id);
        var status = certificate.effectiveStatus(certification.now());
        if (status == CertificateStore.Status.REVOKED
                && CertificationPersonalData.ERASED_REASON.equals(certificate.revocationReason())) {
            // the holder asked to be erased: the page confirms only that, with nothing about them
            model.addAttribute("erased", true);
            model.addAttribute("status", status.name());
            return "certification/certificate";
        }
        model.addAttribute("erased", false);
        model.addAttribute("certificate", certificate);
        model.addAttribute("status", status.name());
        model.addAttribute("holderName", holderName(certificate.holderId()));
        model.addAttribute("enterpriseName", enterpriseName(certificate.enterpriseSlug()));
        model.addAttribute(
                "issuedOn", certificate.issuedAt().atZone(ZoneOffset.UTC).toLocalDate());
        model.addAttribute(
                "validUntil", certificate.validUntil().atZone(ZoneOffset.UTC).toLocalDate());
        model.addAttribute(
                "canRevoke",
                status == CertificateStore.Status.VALID
                        && CurrentUser.get()
                                .map(u -> u.isIn(Roles.CERTIFIERS) || u.isAdmin())
                                .orElse(false));
        return "certification/certificate";
    }

    @GetMapping(
            value = "/api/certificates/{id}",
            produces = {MediaType.APPLICATION_JSON_VALUE, "application/ld+json", "application/vc+ld+json"})
    @ResponseBody
    Map<String, Object> badge(@PathVariable String id) {
        var certificate = find(id);
        if (CertificationPersonalData.ERASED_REASON.equals(certificate.revocationReason())) {
            // the holder asked to be erased: the credential says only that it is revoked and why
            return Map.of(
                    "id",
                    baseUrl + "/api/certificates/" + certificate.id(),
                    "credentialStatus",
                    Map.of("status", "revoked", "reason", CertificationPersonalData.ERASED_REASON));
        }
        String email = directory
                .find(certificate.holderId())
                .map(Directory.Person::email)
                .orElse(null);
        return OpenBadge.credential(
                certificate,
                enterpriseName(certificate.enterpriseSlug()),
                email,
                production.verifiedRunsOf(certificate.holderId(), certificate.enterpriseSlug()),
                settings,
                baseUrl,
                certification.now());
    }

    @PostMapping("/api/certificates/{id}/revocation")
    ResponseEntity<Map<String, Object>> revoke(@PathVariable String id, @RequestBody RevocationRequest request) {
        requireCertifier();
        String reason = validReason(request == null ? null : request.reason());
        if (reason == null) {
            return ResponseEntity.unprocessableEntity()
                    .body(Map.of("errors", Map.of("reason", "Give a reason of 1 to 2000 characters")));
        }
        certifications.revoke(id, reason);
        return ResponseEntity.ok(Map.of("id", id, "status", "REVOKED"));
    }

    @PostMapping("/certificates/{id}/revocation")
    String revokeFromPage(@PathVariable String id, @RequestParam(required = false) String reason) {
        requireCertifier();
        String valid = validReason(reason);
        if (valid == null) {
            return "redirect:/certificates/" + id + "?reasonMissing";
        }
        certifications.revoke(id, valid);
        return "redirect:/certificates/" + id;
    }

    @PostMapping("/api/certifications")
    ResponseEntity<Map<String, Object>> apply(@RequestBody CertificationRequest request) {
        var user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        String slug = request == null ? null : request.enterpriseSlug();
        if (slug == null || catalog.findPublished(slug).isEmpty()) {
            return ResponseEntity.unprocessableEntity()
                    .body(Map.of("errors", Map.of("enterpriseSlug", "Name a published enterprise of the catalog")));
        }
        String prior = request.priorExperience() == null
                ? ""
                : request.priorExperience().trim();
        if (prior.length() > 4000) {
            return ResponseEntity.unprocessableEntity()
                    .body(Map.of("errors", Map.of("priorExperience", "At most 4000 characters")));
        }
        String businessKey = certifications.apply(user.id(), slug, prior);
        return ResponseEntity.accepted().body(Map.of("businessKey", businessKey, "status", "APPLIED"));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "No such certificate"));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> conflict(IllegalStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    private CertificateStore.Certificate find(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{16,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return certification.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void requireCertifier() {
        boolean certifier = CurrentUser.get()
                .map(u -> u.isIn(Roles.CERTIFIERS) || u.isAdmin())
                .orElse(false);
        if (!certifier) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only certifiers revoke certificates");
        }
    }

    private static String validReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            return null;
        }
        return reason.trim();
    }

    /** Null while the identity store does not answer: the page says so and shows the rest. */
    private String holderName(String holderId) {
        return directory.displayName(holderId).orElse(null);
    }

    private String enterpriseName(String slug) {
        return catalog.findNameBySlug(slug).orElse(slug);
    }
}
