package org.opensourceecology.incubator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensourceecology.incubator.catalog.LicensePolicy.Part;

/** The licence policy against the bundled SPDX License List. */
class LicensePolicyTest {

    static final LicensePolicy policy = new LicensePolicy(LicenseList.bundled());

    @Test
    void bundledListRecordsItsVersion() {
        assertThat(policy.licenses().version()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(policy.licenses().size()).isGreaterThan(500);
        assertThat(policy.licenses().referenceUrl("CERN-OHL-S-2.0"))
                .isEqualTo("https://spdx.org/licenses/CERN-OHL-S-2.0.html");
    }

    @ParameterizedTest(name = "{0} {1} is open")
    @CsvSource({
        "SOFTWARE, MIT",
        "SOFTWARE, GPL-3.0-or-later",
        "SOFTWARE, Apache-2.0",
        "SOFTWARE, WTFPL", // FSF-libre, not OSI-approved
        "HARDWARE, CERN-OHL-S-2.0",
        "HARDWARE, CERN-OHL-W-2.0",
        "HARDWARE, CERN-OHL-P-2.0",
        "HARDWARE, TAPR-OHL-1.0",
        "HARDWARE, SHL-0.51",
        "HARDWARE, GPL-3.0-or-later",
        "HARDWARE, GPL-2.0-only",
        "DOCUMENTATION, CC-BY-4.0",
        "DOCUMENTATION, CC-BY-SA-4.0",
        "DOCUMENTATION, CC0-1.0",
        "DOCUMENTATION, GFDL-1.3-or-later"
    })
    void accepts(Part part, String licenseId) {
        assertThat(policy.check(part, licenseId)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} is refused: {2}")
    @CsvSource({
        "DOCUMENTATION, CC-BY-NC-4.0, licence.ncNd",
        "DOCUMENTATION, CC-BY-NC-SA-4.0, licence.ncNd",
        "DOCUMENTATION, CC-BY-ND-4.0, licence.ncNd",
        "HARDWARE, CC-BY-NC-SA-3.0, licence.ncNd",
        "SOFTWARE, CC-BY-NC-ND-4.0, licence.ncNd",
        "SOFTWARE, Made-Up-1.0, licence.unknown",
        "SOFTWARE, mit, licence.unknown",
        "SOFTWARE, GPL-3.0, licence.deprecated",
        "HARDWARE, GPL-2.0+, licence.deprecated",
        "SOFTWARE, SSPL-1.0, licence.notOpen.software",
        "SOFTWARE, BUSL-1.1, licence.notOpen.software",
        "HARDWARE, MIT, licence.notOpen.hardware",
        "HARDWARE, CERN-OHL-1.2, licence.notOpen.hardware",
        "DOCUMENTATION, MIT, licence.notOpen.documentation",
        "DOCUMENTATION, CC-PDDC, licence.notOpen.documentation"
    })
    void refuses(Part part, String licenseId, String messageKey) {
        var violation = policy.check(part, licenseId);

        assertThat(violation).isPresent();
        assertThat(violation.get().messageKey()).isEqualTo(messageKey);
        assertThat(violation.get().arguments()).containsExactly(part.key(), licenseId);
    }

    @Test
    void namesEveryRefusedPart() {
        var violations = policy.check("CC-BY-NC-4.0", "", "CC-BY-ND-4.0");

        assertThat(violations)
                .extracting(LicensePolicy.Violation::part, LicensePolicy.Violation::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Part.HARDWARE, "licence.ncNd"),
                        org.assertj.core.groups.Tuple.tuple(Part.SOFTWARE, "licence.missing"),
                        org.assertj.core.groups.Tuple.tuple(Part.DOCUMENTATION, "licence.ncNd"));
    }
}
