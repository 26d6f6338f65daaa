package org.opensourceecology.incubator.training.internal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.training.internal.PublicDocumentation.Milestone;
import org.opensourceecology.incubator.training.internal.PublicDocumentation.Trainee;
import org.opensourceecology.incubator.training.internal.TrainingViews.ApplicationView;
import org.opensourceecology.incubator.training.internal.TrainingViews.PublicDocumentationConsent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public documentation page (escaping, links only for web addresses, nothing personal) and the
 * trainee's consent controls on the journey page and behind them.
 */
@WebMvcTest({DocumentationController.class, TrainingController.class})
@WithMockUser(username = "trainee")
class DocumentationWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EnterpriseSpecifications specifications;

    @MockitoBean
    PublicDocumentation documentation;

    @MockitoBean
    Training training;

    @MockitoBean
    TrainingViews views;

    @BeforeEach
    void cebPress() {
        var ceb = new EnterpriseSpecification("ceb-press", "CEB <i>Press</i>", Instant.parse("2026-01-01T00:00:00Z"));
        ceb.setStatus(EnterpriseSpecification.Status.PUBLISHED);
        given(specifications.findPublished(any())).willCallRealMethod();
        given(specifications.findBySlug("ceb-press")).willReturn(Optional.of(ceb));
        given(specifications.findBySlug("nope")).willReturn(Optional.empty());
    }

    @Test
    void showsSignedOffMilestonesEscapedWithLinksOnlyForWebAddresses() throws Exception {
        given(documentation.of("ceb-press"))
                .willReturn(List.of(new Trainee(
                        "42",
                        false,
                        List.of(new Milestone(
                                1,
                                "Safety & shop",
                                LocalDate.of(2026, 11, 21),
                                PublicDocumentation.evidence(
                                        "https://wiki.example.org/shop?a=1&b=2\njavascript:alert(1)\n<script>alert(2)</script>"),
                                "Kit <img src=x onerror=alert(3)> on the wall\nsecond line")))));

        mvc.perform(get("/enterprises/ceb-press/documentation"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("In-process documentation: CEB &lt;i&gt;Press&lt;/i&gt;"),
                                containsString("Trainee 42"),
                                containsString("Milestone 1: Safety &amp; shop"),
                                containsString("Signed off on 2026-11-21"),
                                containsString("href=\"https://wiki.example.org/shop?a=1&amp;b=2\""),
                                containsString("rel=\"nofollow ugc noopener noreferrer\""),
                                containsString("<span>javascript:alert(1)</span>"),
                                containsString("&lt;script&gt;alert(2)&lt;/script&gt;"),
                                containsString("Kit &lt;img src=x onerror=alert(3)&gt; on the wall"),
                                containsString("href=\"/enterprises/ceb-press\""))))
                .andExpect(content()
                        .string(allOf(
                                not(containsString("href=\"javascript:")),
                                not(containsString("<script>alert")),
                                not(containsString("<img src=x")),
                                not(containsString("<i>Press")))));
    }

    @Test
    void saysSoWhenNoTraineeSharesAnything() throws Exception {
        given(documentation.of("ceb-press")).willReturn(List.of());

        mvc.perform(get("/enterprises/ceb-press/documentation").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("No trainee shares documentation of a signed-off milestone")))
                .andExpect(content().string(not(containsString("Trainee "))));
    }

    @Test
    void unknownEnterpriseIsNotFound() throws Exception {
        mvc.perform(get("/enterprises/nope/documentation"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No such enterprise")));
        verifyNoInteractions(documentation);
    }

    @Test
    void theTraineeWithdrawsConsentAndReturnsToTheJourney() throws Exception {
        mvc.perform(post("/me/applications/42/public-documentation")
                        .with(csrf())
                        .param("consent", "false"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/me/journey#application-42"));

        verify(training).decidePublicDocumentation(42L, "trainee", false);
    }

    @Test
    void theTraineeGivesConsentAgain() throws Exception {
        mvc.perform(post("/me/applications/42/public-documentation")
                        .with(csrf())
                        .param("consent", "true"))
                .andExpect(status().isSeeOther());

        verify(training).decidePublicDocumentation(42L, "trainee", true);
    }

    @Test
    void someoneElsesApplicationIsNotFound() throws Exception {
        willThrow(new NoSuchElementException("You have no training application 7"))
                .given(training)
                .decidePublicDocumentation(7L, "trainee", false);

        mvc.perform(post("/me/applications/7/public-documentation").with(csrf()).param("consent", "false"))
                .andExpect(status().isNotFound());
    }

    @Test
    void badRequestsChangeNothing() throws Exception {
        mvc.perform(post("/me/applications/42/public-documentation").param("consent", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/me/applications/42/public-documentation").with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/me/applications/42/public-documentation")
                        .with(csrf())
                        .param("consent", "perhaps"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/me/applications/abc/public-documentation")
                        .with(csrf())
                        .param("consent", "false"))
                .andExpect(status().isBadRequest());

        org.mockito.Mockito.verify(training, org.mockito.Mockito.never())
                .decidePublicDocumentation(anyLong(), any(), anyBoolean());
    }

    @Test
    void theJourneyPageOffersToWithdrawAConsentThatHoldsAndToGiveOneThatDoesNot() throws Exception {
        given(views.journeyOf("trainee"))
                .willReturn(List.of(
                        view(41, new PublicDocumentationConsent(true, LocalDate.of(2026, 11, 2), null)),
                        view(
                                40,
                                new PublicDocumentationConsent(
                                        false, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 5)))));

        mvc.perform(get("/me/journey"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"application-41\""),
                                containsString("as “Trainee 41”"),
                                containsString("with your consent of 2026-11-02"),
                                containsString("action=\"/me/applications/41/public-documentation\""),
                                containsString("Withdraw my consent and hide my documentation now"),
                                containsString("href=\"/enterprises/ceb-press/documentation\""),
                                containsString("You agreed on 2026-10-01 and withdrew on 2026-10-05."),
                                containsString("action=\"/me/applications/40/public-documentation\""),
                                containsString("Show the evidence and notes of my signed-off milestones publicly"),
                                containsString("name=\"_csrf\""))));
    }

    private static ApplicationView view(long id, PublicDocumentationConsent consent) {
        return new ApplicationView(
                id,
                "ceb-press",
                "CEB Press",
                TrainingApplication.Status.ENROLLED,
                null,
                LocalDate.of(2026, 10, 1),
                "Marcin Mentor",
                LocalDate.of(2026, 11, 1),
                List.of(),
                0,
                List.of(),
                "Given Trainee",
                consent);
    }
}
