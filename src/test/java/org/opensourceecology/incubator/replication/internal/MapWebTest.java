package org.opensourceecology.incubator.replication.internal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.download.DownloaderTown;
import org.opensourceecology.incubator.download.DownloaderTowns;
import org.opensourceecology.incubator.download.DownloaderTowns.ConsentVersion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /map} and {@code /api/map} with both layers: replicated enterprises and the towns where
 * people are learning, the latter told apart by {@code kind}, listed in their own table (unplaced
 * towns too), never with more than the download module publishes.
 */
@WebMvcTest(MapController.class)
@Import(TownsOnTheMap.class)
@EnableConfigurationProperties(MapSettings.class)
@WithMockUser
class MapWebTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReplicatedEnterprises enterprises;

    @MockitoBean
    ReplicationService replication;

    @MockitoBean
    DownloaderTowns downloaderTowns;

    @BeforeEach
    void anEnterpriseAndThreeTowns() {
        var lagos = new ReplicatedEnterprise("Lagos Brick Works", "ceb-press", "owner-7", "Lagos", "Nigeria", NOW);
        ReflectionTestUtils.setField(lagos, "id", 7L);
        lagos.locate(6.52, 3.38);
        lagos.consentToMap(NOW);
        given(enterprises.findOnMap()).willReturn(List.of(lagos));
        given(enterprises.lastMapConsentWithdrawal()).willReturn(Optional.empty());
        given(replication.designations(any())).willReturn(Map.of(7L, Designation.INSPIRED));
        given(downloaderTowns.consentVersion()).willReturn(new ConsentVersion(Optional.of(NOW), Optional.empty()));
        given(downloaderTowns.consentedTowns())
                .willReturn(List.of(
                        new DownloaderTown(
                                "Berlin", "DE", "Germany", 52.52, 13.41, 3L, new TreeMap<>(Map.of("ceb-press", 2L))),
                        new DownloaderTown("Tamale", "GH", "Ghana", 9.40, -0.84, null, new TreeMap<>()),
                        new DownloaderTown("<b>Hamlet</b>", null, "Narnia", null, null, 2L, new TreeMap<>())));
    }

    @Test
    void thePageListsTheTownsInTheirOwnTableWithTheLayerInTheLegend() throws Exception {
        mvc.perform(get("/map").header("Accept-Language", "es"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Lagos Brick Works"),
                                containsString("id=\"towns-table\""),
                                containsString("<th scope=\"row\">Berlin</th>"),
                                containsString("<td>Alemania</td>"),
                                containsString("href=\"/enterprises/ceb-press\">ceb-press</a>"),
                                containsString("<th scope=\"row\">Tamale</th>"),
                                containsString("no se muestra (una persona)"),
                                containsString("&lt;b&gt;Hamlet&lt;/b&gt;"),
                                containsString("no: ciudad no encontrada"),
                                containsString("Dónde hay personas aprendiendo"),
                                containsString("data-kind=\"learning-town\""),
                                containsString("data-layer=\"learning-town\""),
                                containsString("una empresa como marcadores redondos de colores y 2 ciudades"),
                                containsString("GeoNames"))))
                .andExpect(content().string(not(containsString("<b>Hamlet"))));
    }

    @Test
    void theGeoJsonHasPlacedTownsAsFeaturesOfTheirOwnKind() throws Exception {
        mvc.perform(get("/api/map"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features", hasSize(3)))
                .andExpect(jsonPath("$.features[0].properties.kind").value(MapController.KIND_ENTERPRISE))
                .andExpect(jsonPath("$.features[0].properties.name").value("Lagos Brick Works"))
                .andExpect(jsonPath("$.features[1].properties.kind").value(MapController.KIND_LEARNING_TOWN))
                .andExpect(jsonPath("$.features[1].properties.city").value("Berlin"))
                .andExpect(jsonPath("$.features[1].properties.countryCode").value("DE"))
                .andExpect(jsonPath("$.features[1].properties.downloads").value(3))
                .andExpect(jsonPath("$.features[1].properties.enterprises.ceb-press")
                        .value(2))
                .andExpect(jsonPath("$.features[1].geometry.coordinates[0]").value(13.41))
                .andExpect(jsonPath("$.features[1].geometry.coordinates[1]").value(52.52))
                .andExpect(jsonPath("$.features[2].properties.city").value("Tamale"))
                .andExpect(jsonPath("$.features[2].properties.downloads").doesNotExist())
                .andExpect(jsonPath("$.features[2].properties.enterprises").doesNotExist())
                .andExpect(content().string(not(containsString("Hamlet"))));
    }

    @Test
    void theTownsAreNotReloadedWhileNoConsentChanged() throws Exception {
        // a version no earlier test served, so the first request below loads
        given(downloaderTowns.consentVersion())
                .willReturn(new ConsentVersion(Optional.of(Instant.now()), Optional.of(Instant.now())));
        mvc.perform(get("/api/map")).andExpect(status().isOk());
        mvc.perform(get("/map")).andExpect(status().isOk());

        org.mockito.Mockito.verify(downloaderTowns, org.mockito.Mockito.times(1))
                .consentedTowns();
    }
}
