package org.opensourceecology.incubator.catalog.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification.Status;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.catalog.LicensePolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Submits a specification for review: checks what Bean Validation cannot, stores it, starts the review. */
@Service
class SpecificationSubmissions {

    record Submitted(String processInstanceId, String slug) {}

    record Refusal(String field, String messageKey, Object[] arguments) {}

    /** The submission breaks a rule of the catalog: nothing was stored. */
    static class SubmissionRefused extends RuntimeException {

        private final transient List<Refusal> refusals;

        SubmissionRefused(List<Refusal> refusals) {
            super("Specification refused: " + refusals.size() + " problem(s)");
            this.refusals = List.copyOf(refusals);
        }

        List<Refusal> refusals() {
            return refusals;
        }
    }

    private final EnterpriseSpecifications specifications;
    private final LicensePolicy licensePolicy;
    private final SpecificationReviews reviews;
    private final Clock clock;

    SpecificationSubmissions(
            EnterpriseSpecifications specifications,
            LicensePolicy licensePolicy,
            SpecificationReviews reviews,
            Clock clock) {
        this.specifications = specifications;
        this.licensePolicy = licensePolicy;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Transactional
    Submitted submit(SpecificationRequest request, String submittedBy) {
        var refusals = new ArrayList<Refusal>();
        var licenses = request.licenses();
        licensePolicy
                .check(licenses.hardware(), licenses.software(), licenses.documentation())
                .forEach(v -> refusals.add(new Refusal("licenses." + v.part().key(), v.messageKey(), v.arguments())));
        if (specifications.existsBySlug(request.slug())) {
            refusals.add(new Refusal("slug", "specification.slugTaken", new Object[] {request.slug()}));
        }
        if (!refusals.isEmpty()) {
            throw new SubmissionRefused(refusals);
        }
        var specification =
                new EnterpriseSpecification(request.slug(), request.name().strip(), clock.instant());
        specification.setSummary(request.summary().strip());
        specification.setCategory(request.category().strip());
        specification.setVersion(request.version().strip());
        specification.setHardwareLicense(licenses.hardware());
        specification.setSoftwareLicense(licenses.software());
        specification.setDocumentationLicense(licenses.documentation());
        specification.setOperationsManualUrl(request.operationsManualUrl());
        specification.setOperationsManualVersion(
                request.operationsManualVersion().strip());
        specification.setOpenSourceStatement(request.openSourceStatement().strip());
        specification.setBusinessModelStatement(request.businessModelStatement().strip());
        specification.setDogfoodingStatement(request.dogfoodingStatement().strip());
        if (request.revenueModels() != null) {
            specification.getRevenueModels().addAll(request.revenueModels());
        }
        if (request.assets() != null) {
            request.assets()
                    .forEach(a -> specification
                            .getAssets()
                            .add(new EnterpriseSpecification.Asset(
                                    a.type(), a.title().strip(), a.url())));
        }
        specification.setStatus(Status.IN_REVIEW);
        specification.setSubmittedBy(submittedBy);
        var saved = specifications.saveAndFlush(specification);
        return new Submitted(reviews.startReview(saved), saved.getSlug());
    }
}
