package org.opensourceecology.incubator.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SPDX License List as bundled with the application ({@code catalog/spdx-licenses.json}, a
 * snapshot of SPDX's {@code licenses.json}); its version is shown wherever licences are shown.
 */
public final class LicenseList {

    public static final String RESOURCE = "catalog/spdx-licenses.json";

    /** One SPDX licence with the facts the licence policy reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record License(
            String licenseId,
            String name,
            String reference,
            boolean isOsiApproved,
            boolean isFsfLibre,
            boolean isDeprecatedLicenseId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Snapshot(String licenseListVersion, String releaseDate, List<License> licenses) {}

    private final String version;
    private final String releaseDate;
    private final Map<String, License> byId;

    private LicenseList(Snapshot snapshot) {
        this.version = snapshot.licenseListVersion();
        this.releaseDate = snapshot.releaseDate();
        this.byId = snapshot.licenses().stream()
                .collect(Collectors.toUnmodifiableMap(License::licenseId, Function.identity()));
    }

    /** Reads the bundled snapshot from the class path. */
    public static LicenseList bundled() {
        try (InputStream in = LicenseList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new LicenseList(new ObjectMapper().readValue(in, Snapshot.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The SPDX License List version of the snapshot, e.g. {@code 3.26.0}. */
    public String version() {
        return version;
    }

    public String releaseDate() {
        return releaseDate;
    }

    /** Exact, case-sensitive SPDX id lookup. */
    public Optional<License> find(String licenseId) {
        return Optional.ofNullable(licenseId).map(byId::get);
    }

    /** The licence's page on spdx.org. */
    public String referenceUrl(String licenseId) {
        return find(licenseId).map(License::reference).orElse("https://spdx.org/licenses/");
    }

    public int size() {
        return byId.size();
    }
}
