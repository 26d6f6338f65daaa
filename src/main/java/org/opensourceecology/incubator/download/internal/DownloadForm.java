package org.opensourceecology.incubator.download.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The download form on an enterprise's page; every field is optional. */
public class DownloadForm {

    @Email(message = "{download.invalid.email}")
    @Size(max = 320, message = "{download.invalid.email}")
    private String email;

    @Size(max = 80, message = "{download.invalid.country}")
    private String country;

    @Size(max = 120, message = "{download.invalid.city}")
    private String city;

    @Pattern(regexp = "^(|replicate|learn|teach|other)$", message = "{download.invalid.intent}")
    private String intent;

    private boolean consentFollowUp;
    private boolean consentMap;

    @AssertTrue(message = "{download.invalid.consentWithoutEmail}")
    public boolean isEmailGivenForFollowUp() {
        return !consentFollowUp || hasText(email);
    }

    /** The box says “show my town”: a country alone is not a town to show. */
    @AssertTrue(message = "{download.invalid.consentMapWithoutTown}")
    public boolean isTownGivenForMap() {
        return !consentMap || hasText(city);
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    static String clean(String value) {
        return hasText(value) ? value.strip() : null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? null : email.strip();
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country == null ? null : country.strip();
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city == null ? null : city.strip();
    }

    public String getIntent() {
        return intent;
    }

    public void setIntent(String intent) {
        this.intent = intent == null ? null : intent.strip();
    }

    public boolean isConsentFollowUp() {
        return consentFollowUp;
    }

    public void setConsentFollowUp(boolean consentFollowUp) {
        this.consentFollowUp = consentFollowUp;
    }

    public boolean isConsentMap() {
        return consentMap;
    }

    public void setConsentMap(boolean consentMap) {
        this.consentMap = consentMap;
    }
}
