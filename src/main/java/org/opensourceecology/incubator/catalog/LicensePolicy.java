package org.opensourceecology.incubator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every part of a Distributive Enterprise must carry an open licence. Software: OSI-approved or
 * FSF-libre. Hardware: an open-hardware licence (CERN-OHL-S/W/P-2.0, TAPR-OHL-1.0, Solderpad) or one
 * of the GPL family. Documentation: CC-BY, CC-BY-SA, CC0-1.0 or the GNU Free Documentation Licence.
 * Non-commercial (NC) and no-derivatives (ND) licences, deprecated and unknown ids are refused.
 * The facts about each id come from the SPDX License List ({@link LicenseList}).
 */
public final class LicensePolicy {

    public enum Part {
        HARDWARE,
        SOFTWARE,
        DOCUMENTATION;

        /** The name used in messages and JSON: hardware, software, documentation. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Why a licence was refused: a message key of the catalog bundle, with the part and the id. */
    public record Violation(Part part, String licenseId, String messageKey) {

        public Object[] arguments() {
            return new Object[] {part.key(), licenseId == null ? "" : licenseId};
        }
    }

    private static final Pattern NON_COMMERCIAL_OR_NO_DERIVATIVES = Pattern.compile("(^|-)(NC|ND)(-|$)");
    private static final Set<String> OPEN_HARDWARE =
            Set.of("CERN-OHL-S-2.0", "CERN-OHL-W-2.0", "CERN-OHL-P-2.0", "TAPR-OHL-1.0");
    private static final Pattern SOLDERPAD = Pattern.compile("^SHL-.+");
    private static final Pattern GPL_FAMILY = Pattern.compile("^(A|L)?GPL-\\d.*");
    private static final Pattern CREATIVE_COMMONS_OPEN = Pattern.compile("^CC-BY-(SA-)?\\d.*");
    private static final Pattern FREE_DOCUMENTATION = Pattern.compile("^GFDL-\\d.*");

    private final LicenseList licenses;

    public LicensePolicy(LicenseList licenses) {
        this.licenses = licenses;
    }

    public LicenseList licenses() {
        return licenses;
    }

    public List<Violation> check(String hardware, String software, String documentation) {
        var violations = new ArrayList<Violation>();
        check(Part.HARDWARE, hardware).ifPresent(violations::add);
        check(Part.SOFTWARE, software).ifPresent(violations::add);
        check(Part.DOCUMENTATION, documentation).ifPresent(violations::add);
        return violations;
    }

    public Optional<Violation> check(Part part, String licenseId) {
        if (licenseId == null || licenseId.isBlank()) {
            return refuse(part, licenseId, "licence.missing");
        }
        if (NON_COMMERCIAL_OR_NO_DERIVATIVES.matcher(licenseId).find()) {
            return refuse(part, licenseId, "licence.ncNd");
        }
        var license = licenses.find(licenseId);
        if (license.isEmpty()) {
            return refuse(part, licenseId, "licence.unknown");
        }
        if (license.get().isDeprecatedLicenseId()) {
            return refuse(part, licenseId, "licence.deprecated");
        }
        boolean open = switch (part) {
            case SOFTWARE -> license.get().isOsiApproved() || license.get().isFsfLibre();
            case HARDWARE ->
                OPEN_HARDWARE.contains(licenseId)
                        || SOLDERPAD.matcher(licenseId).matches()
                        || GPL_FAMILY.matcher(licenseId).matches();
            case DOCUMENTATION ->
                CREATIVE_COMMONS_OPEN.matcher(licenseId).matches()
                        || "CC0-1.0".equals(licenseId)
                        || FREE_DOCUMENTATION.matcher(licenseId).matches();
        };
        return open ? Optional.empty() : refuse(part, licenseId, "licence.notOpen." + part.key());
    }

    private static Optional<Violation> refuse(Part part, String licenseId, String key) {
        return Optional.of(new Violation(part, licenseId, key));
    }
}
