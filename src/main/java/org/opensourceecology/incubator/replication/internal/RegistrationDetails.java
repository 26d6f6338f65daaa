package org.opensourceecology.incubator.replication.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What registering a replicated enterprise needs, from the start form, the completion task or
 * {@code POST /api/replications}. The owner comes from the login or the journey, never from the body.
 */
record RegistrationDetails(
        @NotBlank @Size(max = 200) String name,

        @NotBlank @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$") @Size(max = 80)
        String enterpriseSlug,

        @NotBlank @Size(max = 120) String city,
        @NotBlank @Size(max = 120) String country,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull Boolean consentMap,

        @Size(max = 500) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) address")
        String website,

        @PastOrPresent LocalDate foundedOn,
        @PositiveOrZero @DecimalMax("1000000000") BigDecimal startupCost,

        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code")
        String startupCostCurrency,

        @Pattern(regexp = "^[a-zA-Z0-9]*$", message = "must be a user id") @Size(max = 64)
        String trainedBy,

        List<@Pattern(regexp = "^[a-zA-Z0-9]+$", message = "must be a user id") @Size(max = 64) String> coOwnerIds) {

    RegistrationDetails {
        coOwnerIds = coOwnerIds == null ? List.of() : List.copyOf(coOwnerIds);
    }
}
