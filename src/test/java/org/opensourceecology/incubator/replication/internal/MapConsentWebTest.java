package org.opensourceecology.incubator.replication.internal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The owner's page of their replicated enterprises with the map consent controls, the form behind
 * them, and the same decision through {@code PUT /api/replications/{id}/map-consent}.
 */
@WebMvcTest({OwnerEnterprisesController.class, ReplicationApiController.class})
@WithMockUser(username = "owner")
class MapConsentWebTest {

    static final Instant GIVEN = Instant.parse("2026-10-01T08:00:00Z");
    static final Instant WITHDRAWN = Instant.parse("2026-10-05T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReplicationService replication;

    @MockitoBean
    ReplicationProcessPort port;

    @MockitoBean
    ReplicatedEnterprises enterprises;

    @Test
    void thePageOffersToWithdrawAConsentThatHoldsAndToGiveOneThatDoesNot() throws Exception {
        var shown = enterprise(41, "Lagos <b>Brick</b> Works");
        shown.consentToMap(GIVEN);
        var withdrawn = enterprise(40, "Kano Blocks");
        withdrawn.consentToMap(GIVEN);
        withdrawn.withdrawMapConsent(WITHDRAWN);
        given(replication.ownedBy("owner")).willReturn(List.of(shown, withdrawn));

        mvc.perform(get("/me/enterprises").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("My replicated enterprises"),
                                containsString("id=\"enterprise-41\""),
                                containsString("Lagos &lt;b&gt;Brick&lt;/b&gt; Works"),
                                containsString("with your consent of 2026-10-01"),
                                containsString("action=\"/me/enterprises/41/map-consent\""),
                                containsString("Withdraw my consent and take this enterprise off the map now"),
                                containsString("href=\"/map\""),
                                containsString("id=\"enterprise-40\""),
                                containsString("You agreed on 2026-10-01 and withdrew on 2026-10-05."),
                                containsString("action=\"/me/enterprises/40/map-consent\""),
                                containsString("Show this enterprise on the public map"),
                                containsString("name=\"_csrf\""))))
                .andExpect(content().string(not(containsString("<b>Brick"))));
    }

    @Test
    void aClosedEnterpriseIsNotOnTheMapWhateverTheConsent() throws Exception {
        var closed = enterprise(42, "Closed Works");
        closed.consentToMap(GIVEN);
        closed.close(WITHDRAWN);
        given(replication.ownedBy("owner")).willReturn(List.of(closed));

        mvc.perform(get("/me/enterprises").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("The enterprise is closed, so it is not on the map"),
                                containsString("action=\"/me/enterprises/42/map-consent\""),
                                not(containsString("Shown on the public map")))));
    }

    @Test
    void thePageSaysSoWhenThePersonOwnsNoEnterprise() throws Exception {
        given(replication.ownedBy("owner")).willReturn(List.of());

        mvc.perform(get("/me/enterprises").header("Accept-Language", "es"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Todavía no tiene ninguna empresa replicada.")));
    }

    @Test
    void theOwnerWithdrawsAndReturnsToTheirEnterprise() throws Exception {
        mvc.perform(post("/me/enterprises/41/map-consent").with(csrf()).param("consent", "false"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/me/enterprises#enterprise-41"));

        verify(replication).decideMapConsent(41L, "owner", false);
    }

    @Test
    void theOwnerGivesConsentAgain() throws Exception {
        mvc.perform(post("/me/enterprises/41/map-consent").with(csrf()).param("consent", "true"))
                .andExpect(status().isSeeOther());

        verify(replication).decideMapConsent(41L, "owner", true);
    }

    @Test
    void someoneElsesEnterpriseIsNotFound() throws Exception {
        given(replication.decideMapConsent(7L, "owner", false))
                .willThrow(new NoSuchElementException("You own no replicated enterprise 7"));

        mvc.perform(post("/me/enterprises/7/map-consent").with(csrf()).param("consent", "false"))
                .andExpect(status().isNotFound());
    }

    @Test
    void badFormRequestsChangeNothing() throws Exception {
        mvc.perform(post("/me/enterprises/41/map-consent").param("consent", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/me/enterprises/41/map-consent").with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/me/enterprises/41/map-consent").with(csrf()).param("consent", "perhaps"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/me/enterprises/abc/map-consent").with(csrf()).param("consent", "false"))
                .andExpect(status().isBadRequest());

        verify(replication, never()).decideMapConsent(anyLong(), any(), anyBoolean());
    }

    @Test
    @WithAnonymousUser
    void nobodyDecidesWithoutLoggingIn() throws Exception {
        mvc.perform(post("/me/enterprises/41/map-consent").with(csrf()).param("consent", "false"))
                .andExpect(status().is4xxClientError());
        mvc.perform(put("/api/replications/41/map-consent")
                        .with(csrf()) // the slice has Spring Security's defaults; the app exempts /api/**
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":false}"))
                .andExpect(status().is4xxClientError());

        verify(replication, never()).decideMapConsent(anyLong(), any(), anyBoolean());
    }

    @Test
    void theApiWithdrawsAndAnswersWithTheRecord() throws Exception {
        var enterprise = enterprise(41, "Lagos Brick Works");
        enterprise.consentToMap(GIVEN);
        enterprise.withdrawMapConsent(WITHDRAWN);
        given(replication.decideMapConsent(41L, "owner", false)).willReturn(enterprise);

        mvc.perform(put("/api/replications/41/map-consent")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(41))
                .andExpect(jsonPath("$.consentMap").value(false))
                .andExpect(jsonPath("$.consentMapAt").value("2026-10-01T08:00:00Z"))
                .andExpect(jsonPath("$.mapConsentWithdrawnAt").value("2026-10-05T09:00:00Z"));
    }

    @Test
    void theApiAnswers404ForSomeoneElsesEnterpriseAndRefusesBadBodies() throws Exception {
        given(replication.decideMapConsent(7L, "owner", false))
                .willThrow(new NoSuchElementException("You own no replicated enterprise 7"));
        mvc.perform(put("/api/replications/7/map-consent")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":false}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("No replicated enterprise 7"));

        mvc.perform(put("/api/replications/41/map-consent")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.fields.consent").exists());
        mvc.perform(put("/api/replications/41/map-consent")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":\"perhaps\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/replications/41/map-consent")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("consent=false"))
                .andExpect(status().isUnsupportedMediaType());

        verify(replication, never()).decideMapConsent(41L, "owner", false);
    }

    private static ReplicatedEnterprise enterprise(long id, String name) {
        var enterprise = new ReplicatedEnterprise(name, "ceb-press", "owner", "Lagos", "Nigeria", GIVEN);
        ReflectionTestUtils.setField(enterprise, "id", id);
        enterprise.locate(6.52, 3.38);
        return enterprise;
    }
}
