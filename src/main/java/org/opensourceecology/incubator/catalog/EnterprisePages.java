package org.opensourceecology.incubator.catalog;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The public page of one enterprise ({@code templates/catalog/enterprise.html}), for the catalog's own
 * controller and for modules that show it again with messages (the download form).
 */
@Component
public class EnterprisePages {

    public static final String VIEW = "catalog/enterprise";
    public static final String NOT_FOUND_VIEW = "catalog/not-found";

    /** One part's licence with its SPDX page. */
    public record LicenceRow(String part, String licenseId, String name, String url) {}

    private final EnterpriseSpecifications specifications;
    private final LicenseList licenseList;
    private final ObjectProvider<DownloadCounts> downloadCounts;
    private final ObjectProvider<CertifiedProducers> certifiedProducers;
    private final ObjectProvider<DocumentationCounts> documentationCounts;

    EnterprisePages(
            EnterpriseSpecifications specifications,
            LicenseList licenseList,
            ObjectProvider<DownloadCounts> downloadCounts,
            ObjectProvider<CertifiedProducers> certifiedProducers,
            ObjectProvider<DocumentationCounts> documentationCounts) {
        this.specifications = specifications;
        this.licenseList = licenseList;
        this.downloadCounts = downloadCounts;
        this.certifiedProducers = certifiedProducers;
        this.documentationCounts = documentationCounts;
    }

    /**
     * Fills the model for a published enterprise.
     *
     * @return false when no published enterprise has this slug (show {@link #NOT_FOUND_VIEW}, 404)
     */
    public boolean fill(String slug, Model model) {
        var found = specifications.findPublished(slug);
        if (found.isEmpty()) {
            model.addAttribute("slug", slug);
            return false;
        }
        var enterprise = found.get();
        model.addAttribute("enterprise", enterprise);
        model.addAttribute(
                "licences",
                List.of(
                        row(LicensePolicy.Part.HARDWARE, enterprise.getHardwareLicense()),
                        row(LicensePolicy.Part.SOFTWARE, enterprise.getSoftwareLicense()),
                        row(LicensePolicy.Part.DOCUMENTATION, enterprise.getDocumentationLicense())));
        model.addAttribute("spdxVersion", licenseList.version());
        var counts = downloadCounts.getIfAvailable();
        model.addAttribute("downloadCount", counts == null ? 0L : counts.countDownloads(slug));
        model.addAttribute(
                "certifiedProducers",
                certifiedProducers
                        .orderedStream()
                        .flatMap(p -> p.certifiedProducersOf(slug).stream())
                        .toList());
        var documentation = documentationCounts.getIfAvailable();
        model.addAttribute(
                "documentedMilestones", documentation == null ? 0L : documentation.countPublicMilestones(slug));
        return true;
    }

    private LicenceRow row(LicensePolicy.Part part, String licenseId) {
        var license = licenseList.find(licenseId);
        return new LicenceRow(
                part.key(),
                licenseId,
                license.map(LicenseList.License::name).orElse(licenseId),
                licenseList.referenceUrl(licenseId));
    }
}
