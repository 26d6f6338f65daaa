package org.opensourceecology.incubator.catalog.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification.AssetType;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification.RevenueModel;

/** The JSON body of {@code POST /api/enterprises}; sizes match the columns of V10__catalog.sql. */
record SpecificationRequest(
        @NotBlank
        @Size(max = 80)
        @Pattern(
                regexp = KEBAB_CASE,
                message = "must be kebab-case: lower-case letters and digits joined by single hyphens")
        String slug,

        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 2000) String summary,
        @NotBlank @Size(max = 80) String category,
        @NotBlank @Size(max = 40) String version,
        @NotNull @Valid Licenses licenses,

        @NotBlank @Size(max = 1000) @Pattern(regexp = WEB_URL, message = "must be an http(s) URL")
        String operationsManualUrl,

        @NotBlank @Size(max = 40) String operationsManualVersion,
        @NotBlank @Size(max = 4000) String openSourceStatement,
        @NotBlank @Size(max = 4000) String businessModelStatement,
        @NotBlank @Size(max = 4000) String dogfoodingStatement,
        @Size(max = 3) Set<@NotNull RevenueModel> revenueModels,
        @Size(max = 30) List<@NotNull @Valid AssetLink> assets) {

    static final String KEBAB_CASE = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String WEB_URL = "^https?://\\S+$";

    record Licenses(
            @NotBlank @Size(max = 100) String hardware,
            @NotBlank @Size(max = 100) String software,
            @NotBlank @Size(max = 100) String documentation) {}

    record AssetLink(
            @NotNull AssetType type,
            @NotBlank @Size(max = 200) String title,

            @NotBlank @Size(max = 1000) @Pattern(regexp = WEB_URL, message = "must be an http(s) URL")
            String url) {}
}
