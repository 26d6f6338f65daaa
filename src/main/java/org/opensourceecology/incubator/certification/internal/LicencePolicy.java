package org.opensourceecology.incubator.certification.internal;

import java.util.Locale;
import java.util.stream.Stream;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification;

/** A Distributive Enterprise is published under open licences: no non-commercial or no-derivatives terms. */
final class LicencePolicy {

    private LicencePolicy() {}

    static boolean isOpen(EnterpriseSpecification specification) {
        return specification.isPublished()
                && Stream.of(
                                specification.getHardwareLicense(),
                                specification.getSoftwareLicense(),
                                specification.getDocumentationLicense())
                        .allMatch(LicencePolicy::isOpen);
    }

    static boolean isOpen(String spdxId) {
        if (spdxId == null || spdxId.isBlank()) {
            return false;
        }
        String id = spdxId.toUpperCase(Locale.ROOT);
        return !(id.contains("-NC") || id.contains("-ND") || id.contains("NONCOMMERCIAL") || id.contains("NODERIV"));
    }
}
