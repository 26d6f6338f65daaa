package org.opensourceecology.incubator.catalog.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.catalog.EnterprisePages;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The public catalog pages: search, one enterprise, unknown slug, and escaping of what submitters wrote. */
@WebMvcTest(EnterprisePageController.class)
@Import({EnterprisePages.class, CatalogConfiguration.class})
@WithMockUser
class EnterprisePagesWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EnterpriseSpecifications specifications;

    @org.junit.jupiter.api.BeforeEach
    void realDefaultMethods() {
        given(specifications.findPublished(org.mockito.ArgumentMatchers.any())).willCallRealMethod();
    }

    static EnterpriseSpecification published(String slug, String name) {
        var s = new EnterpriseSpecification(slug, name, Instant.parse("2026-01-01T00:00:00Z"));
        s.setSummary("Bricks from <b>local</b> soil");
        s.setCategory("Construction");
        s.setVersion("6.0");
        s.setHardwareLicense("CERN-OHL-S-2.0");
        s.setSoftwareLicense("GPL-3.0-or-later");
        s.setDocumentationLicense("CC-BY-SA-4.0");
        s.setOperationsManualUrl("https://example.org/manual");
        s.setOperationsManualVersion("2024.1");
        s.setOpenSourceStatement("All open.");
        s.setBusinessModelStatement("Published.");
        s.setDogfoodingStatement("We build our houses with it.");
        s.getAssets()
                .add(new EnterpriseSpecification.Asset(
                        EnterpriseSpecification.AssetType.BILL_OF_MATERIALS, "BOM", "https://example.org/bom"));
        s.setStatus(EnterpriseSpecification.Status.PUBLISHED);
        return s;
    }

    @Test
    void searchesByNameAndCategoryAndEscapesNames() throws Exception {
        given(specifications.searchPublished("press", "Construction"))
                .willReturn(List.of(published("evil-press", "<script>alert(1)</script> Press")));
        given(specifications.publishedCategories()).willReturn(List.of("Construction"));

        mvc.perform(get("/enterprises").param("q", " press ").param("category", "Construction"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; Press")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("href=\"/enterprises/evil-press\"")));
    }

    @Test
    void showsAnEnterpriseWithItsLicencesAssetsAndDownloadForm() throws Exception {
        given(specifications.findBySlug("ceb-press")).willReturn(Optional.of(published("ceb-press", "CEB Press")));

        mvc.perform(get("/enterprises/ceb-press"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("https://spdx.org/licenses/CERN-OHL-S-2.0.html")))
                .andExpect(content().string(containsString("https://spdx.org/licenses/GPL-3.0-or-later.html")))
                .andExpect(content().string(containsString("SPDX License List 3.")))
                .andExpect(content().string(containsString("https://example.org/bom")))
                .andExpect(content().string(containsString("no downloads yet")))
                .andExpect(content().string(containsString("Bricks from &lt;b&gt;local&lt;/b&gt; soil")))
                .andExpect(content().string(containsString("action=\"/enterprises/ceb-press/downloads\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void unknownOrUnpublishedEnterpriseIsNotFound() throws Exception {
        var draft = published("draft-press", "Draft Press");
        draft.setStatus(EnterpriseSpecification.Status.IN_REVIEW);
        given(specifications.findBySlug("draft-press")).willReturn(Optional.of(draft));

        mvc.perform(get("/enterprises/draft-press"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No such enterprise")));
        mvc.perform(get("/enterprises/<nothing>"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("&lt;nothing&gt;")));
    }
}
