package org.opensourceecology.incubator.download.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.catalog.EnterprisePages;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.catalog.LicenseList;
import org.opensourceecology.incubator.catalog.OperationsManualLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The download form: 303 to the manual when valid; the page again with messages, nothing recorded, when not. */
@WebMvcTest(DownloadController.class)
@Import({EnterprisePages.class, OperationsManualLinks.class, DownloadWebTest.Licences.class})
@WithMockUser
class DownloadWebTest {

    @TestConfiguration
    static class Licences {
        @Bean
        LicenseList licenseList() {
            return LicenseList.bundled();
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EnterpriseSpecifications specifications;

    @MockitoBean
    Downloads downloads;

    @BeforeEach
    void ceb() {
        var s = new EnterpriseSpecification("ceb-press", "CEB Press", Instant.parse("2026-01-01T00:00:00Z"));
        s.setSummary("Bricks");
        s.setCategory("Construction");
        s.setVersion("6.0");
        s.setHardwareLicense("GPL-3.0-or-later");
        s.setSoftwareLicense("GPL-3.0-or-later");
        s.setDocumentationLicense("CC-BY-SA-4.0");
        s.setOperationsManualUrl("https://example.org/ceb-manual");
        s.setOperationsManualVersion("2024.1");
        s.setOpenSourceStatement("Open.");
        s.setBusinessModelStatement("Published.");
        s.setDogfoodingStatement("Used.");
        s.setStatus(EnterpriseSpecification.Status.PUBLISHED);
        given(specifications.findPublished(any())).willCallRealMethod();
        given(specifications.findBySlug("ceb-press")).willReturn(Optional.of(s));
        given(specifications.findBySlug("nope")).willReturn(Optional.empty());
        given(specifications.findPublishedOperationsManualUrl("ceb-press"))
                .willReturn(Optional.of("https://example.org/ceb-manual"));
    }

    @Test
    void validDownloadIsRecordedAndRedirectsToTheManual() throws Exception {
        mvc.perform(post("/enterprises/ceb-press/downloads")
                        .with(csrf())
                        .param("email", "maker@example.org")
                        .param("consentFollowUp", "true")
                        .param("city", "Maysville")
                        .param("country", "US")
                        .param("intent", "replicate"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "https://example.org/ceb-manual"));

        verify(downloads)
                .record(
                        eq("ceb-press"),
                        argThat(f -> f.isConsentFollowUp()
                                && "maker@example.org".equals(f.getEmail())
                                && "replicate".equals(f.getIntent())),
                        any());
    }

    @Test
    void anonymousDownloadCountsToo() throws Exception {
        mvc.perform(post("/enterprises/ceb-press/downloads").with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "https://example.org/ceb-manual"));

        verify(downloads).record(eq("ceb-press"), any(), any());
    }

    @Test
    void invalidInputShowsThePageAgainAndRecordsNothing() throws Exception {
        mvc.perform(post("/enterprises/ceb-press/downloads")
                        .with(csrf())
                        .param("email", "<script>x</script>")
                        .param("consentFollowUp", "true")
                        .param("intent", "sell")
                        .param("city", "x".repeat(121)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The email address is not valid.")))
                .andExpect(content().string(containsString("Choose one of the offered intents.")))
                .andExpect(content().string(containsString("The town or city is too long")))
                .andExpect(content().string(containsString("&lt;script&gt;x&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>x"))));

        verify(downloads, never()).record(any(), any(), any());
    }

    @Test
    void consentToFollowUpNeedsAnEmail() throws Exception {
        mvc.perform(post("/enterprises/ceb-press/downloads").with(csrf()).param("consentFollowUp", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give an email address to receive the follow-up mail")));

        verify(downloads, never()).record(any(), any(), any());
    }

    @Test
    void consentToTheMapNeedsATownNotJustACountry() throws Exception {
        mvc.perform(post("/enterprises/ceb-press/downloads")
                        .with(csrf())
                        .param("consentMap", "true")
                        .param("country", "Ghana")
                        .header("Accept-Language", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(containsString("Indiquez votre ville ou village pour figurer sur la carte")));

        verify(downloads, never()).record(any(), any(), any());
    }

    @Test
    void consentToTheMapWithATownIsRecorded() throws Exception {
        mvc.perform(post("/enterprises/ceb-press/downloads")
                        .with(csrf())
                        .param("consentMap", "true")
                        .param("city", "Maysville, Missouri")
                        .param("country", "USA"))
                .andExpect(status().isSeeOther());

        verify(downloads)
                .record(
                        eq("ceb-press"),
                        argThat(f -> f.isConsentMap() && "Maysville, Missouri".equals(f.getCity())),
                        any());
    }

    @Test
    void unknownEnterpriseIsNotFound() throws Exception {
        mvc.perform(post("/enterprises/nope/downloads").with(csrf())).andExpect(status().isNotFound());

        verify(downloads, never()).record(any(), any(), any());
    }
}
