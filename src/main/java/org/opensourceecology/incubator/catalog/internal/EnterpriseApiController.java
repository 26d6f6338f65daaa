package org.opensourceecology.incubator.catalog.internal;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.catalog.LicenseList;
import org.opensourceecology.incubator.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/enterprises}: the published catalog as JSON, and submission of a specification for
 * review (202 with the review's process instance id; 400 for malformed or invalid fields, 422 when a
 * catalog rule refuses it; nothing is stored in either case).
 */
@RestController
@RequestMapping(path = "/api/enterprises", produces = "application/json")
class EnterpriseApiController {

    record Licenses(String hardware, String software, String documentation, String spdxLicenseListVersion) {}

    record Asset(String type, String title, String url) {}

    record Summary(String slug, String name, String summary, String category, String version, String url) {}

    record Detail(
            String slug,
            String name,
            String summary,
            String category,
            String version,
            Licenses licenses,
            String operationsManualUrl,
            String operationsManualVersion,
            String openSourceStatement,
            String businessModelStatement,
            String dogfoodingStatement,
            List<String> revenueModels,
            List<Asset> assets,
            Instant publishedAt) {}

    record FieldError(String field, String message) {}

    record Errors(int status, List<FieldError> errors) {}

    private final EnterpriseSpecifications specifications;
    private final SpecificationSubmissions submissions;
    private final LicenseList licenseList;
    private final MessageSource messages;

    EnterpriseApiController(
            EnterpriseSpecifications specifications,
            SpecificationSubmissions submissions,
            LicenseList licenseList,
            MessageSource messages) {
        this.specifications = specifications;
        this.submissions = submissions;
        this.licenseList = licenseList;
        this.messages = messages;
    }

    @GetMapping
    List<Summary> list() {
        return specifications.findAllPublished().stream()
                .map(s -> new Summary(
                        s.getSlug(),
                        s.getName(),
                        s.getSummary(),
                        s.getCategory(),
                        s.getVersion(),
                        "/enterprises/" + s.getSlug()))
                .toList();
    }

    @GetMapping("/{slug}")
    Detail show(@PathVariable String slug) {
        var s = specifications
                .findPublished(slug)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No published enterprise " + slug));
        return new Detail(
                s.getSlug(),
                s.getName(),
                s.getSummary(),
                s.getCategory(),
                s.getVersion(),
                new Licenses(
                        s.getHardwareLicense(),
                        s.getSoftwareLicense(),
                        s.getDocumentationLicense(),
                        licenseList.version()),
                s.getOperationsManualUrl(),
                s.getOperationsManualVersion(),
                s.getOpenSourceStatement(),
                s.getBusinessModelStatement(),
                s.getDogfoodingStatement(),
                s.getRevenueModels().stream().map(Enum::name).sorted().toList(),
                s.getAssets().stream()
                        .map(a -> new Asset(a.type().name(), a.title(), a.url()))
                        .toList(),
                s.getPublishedAt());
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Map<String, String>> submit(@Valid @RequestBody SpecificationRequest request) {
        String user = CurrentUser.get()
                .map(CurrentUser::id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        var submitted = submissions.submit(request, user);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("processInstanceId", submitted.processInstanceId(), "slug", submitted.slug()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Errors> invalid(MethodArgumentNotValidException e) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(new Errors(400, errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Errors> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest()
                .body(new Errors(400, List.of(new FieldError("", message("specification.unreadable")))));
    }

    @ExceptionHandler(SpecificationSubmissions.SubmissionRefused.class)
    ResponseEntity<Errors> refused(SpecificationSubmissions.SubmissionRefused e) {
        var errors = e.refusals().stream()
                .map(r -> new FieldError(r.field(), message(r.messageKey(), r.arguments())))
                .toList();
        return ResponseEntity.unprocessableEntity().body(new Errors(422, errors));
    }

    /** Two submissions of the same slug at once: the unique constraint decides. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Errors> conflict(DataIntegrityViolationException e) {
        return ResponseEntity.unprocessableEntity()
                .body(new Errors(422, List.of(new FieldError("slug", message("specification.slugTaken", "")))));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.ENGLISH);
    }
}
