package org.opensourceecology.incubator.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.opensourceecology.incubator.privacy.Subject;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.PortalClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The download form's "show my town on the map" on the real application and PostgreSQL: a consenting
 * download puts its town on {@code /api/map} (placed by the gazetteer, as a {@code learning-town}) and
 * in the towns table on {@code /map}; a second download from the same town written another way adds
 * up; the unsubscribe link takes the town off on the next request (the map's cache sees the consent
 * end in the database, as another node would), and so do the retention purge and an erasure; a
 * download without that consent never shows; an unknown town is listed but not placed.
 */
@IntegrationTest
class DownloaderTownsOnTheMapIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<PersonalData> personalData;

    PortalClient visitor;

    @BeforeEach
    void noEarlierRunLeftMaysvilleOnTheMap() {
        visitor = new PortalClient(port);
        // this test's own town: consents an interrupted earlier run may have left
        jdbc.update(
                "update manual_download set map_consent_ended_at = current_timestamp"
                        + " where consent_map_at is not null and map_consent_ended_at is null and lower(city) like 'maysville%'");
    }

    @Test
    void aConsentingDownloadersTownIsOnTheMapUntilTheyUnsubscribe() throws Exception {
        String first = email("first");
        String second = email("second");

        assertThat(download(Map.of(
                                "email", first,
                                "consentFollowUp", "true",
                                "consentMap", "true",
                                "city", "Maysville, Missouri",
                                "country", "United States",
                                "intent", "learn"))
                        .statusCode())
                .isEqualTo(303);

        var maysville = maysville().orElseThrow();
        assertThat(maysville.at("/geometry/coordinates").toString()).isEqualTo("[-94.36,39.89]");
        assertThat(maysville.at("/properties/kind").asText()).isEqualTo("learning-town");
        assertThat(maysville.at("/properties/countryCode").asText()).isEqualTo("US");
        assertThat(maysville.at("/properties/downloads").isMissingNode())
                .as("one downloader: the town and nothing else")
                .isTrue();
        assertThat(maysville.at("/properties/enterprises").isMissingNode()).isTrue();
        String geoJson = visitor.getJson("/api/map").body();
        assertThat(geoJson).doesNotContain(first, "consent", "downloadedAt", "intent");
        assertThat(visitor.get("/map?lang=en").body())
                .contains("<th scope=\"row\">Maysville</th>", "not shown (one person)")
                .doesNotContain(first);

        // a second downloader writes the same town another way: one town, two downloads of ceb-press
        assertThat(download(Map.of(
                                "email", second,
                                "consentFollowUp", "true",
                                "consentMap", "true",
                                "city", "maysville, MO",
                                "country", "USA"))
                        .statusCode())
                .isEqualTo(303);
        maysville = maysville().orElseThrow();
        assertThat(maysville.at("/properties/downloads").asLong()).isEqualTo(2);
        assertThat(maysville.at("/properties/enterprises/ceb-press").asLong()).isEqualTo(2);
        assertThat(towns())
                .filteredOn(t -> "Maysville".equals(t.at("/properties/city").asText()))
                .hasSize(1);

        // each unsubscribe link withdraws that download's consent on the next request
        List<Long> ids = jdbc.queryForList(
                "select id from manual_download where lower(email) in (?, ?)", Long.class, first, second);
        unsubscribe(first);
        assertThat(maysville().orElseThrow().at("/properties/downloads").isMissingNode())
                .isTrue();
        unsubscribe(second);
        assertThat(maysville()).isEmpty();
        assertThat(visitor.get("/map").body()).doesNotContain("<th scope=\"row\">Maysville</th>");
        assertThat(jdbc.queryForObject(
                        "select count(*) from manual_download where id in (?, ?) and consent_map_at is null"
                                + " and map_consent_ended_at is not null",
                        Long.class,
                        ids.get(0),
                        ids.get(1)))
                .as("both consents ended, with the time they ended")
                .isEqualTo(2);
    }

    @Test
    void aDownloadWithoutConsentIsNeverOnTheMapAndAnUnknownTownIsListedUnplaced() throws Exception {
        String quiet = "Quietville " + suffix();
        String unknown = "Learnville " + suffix();
        assertThat(download(Map.of(
                                "email", email("quiet"), "consentFollowUp", "true", "city", quiet, "country", "Ghana"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(download(Map.of("consentMap", "true", "city", unknown, "country", "Ghana"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(download(Map.of("consentMap", "true", "country", "Ghana")).statusCode())
                .as("a country is not a town")
                .isEqualTo(400);

        String page = visitor.get("/map?lang=en").body();
        assertThat(page).doesNotContain(quiet).contains("<th scope=\"row\">" + unknown + "</th>", "no: town not found");
        assertThat(visitor.getJson("/api/map").body()).doesNotContain(quiet, unknown);
    }

    @Test
    void theRetentionPurgeTakesAnOldDownloadersTownOff() throws Exception {
        String town = "Oldville " + suffix();
        download(Map.of("consentMap", "true", "city", town, "country", "Ghana"));
        assertThat(visitor.get("/map").body()).contains(town);
        jdbc.update(
                "update manual_download set downloaded_at = ? where city = ?",
                Timestamp.from(Instant.now().minus(3 * 366, ChronoUnit.DAYS)),
                town);

        assertThat(downloads().purgeOlderThan(Instant.now().minus(2 * 366, ChronoUnit.DAYS)))
                .isPositive();

        assertThat(visitor.get("/map").body()).doesNotContain(town);
        assertThat(jdbc.queryForObject(
                        "select count(*) from manual_download where city is null and map_consent_ended_at is not null"
                                + " and downloaded_at < current_timestamp - interval '1000 days'"
                                + " and map_consent_ended_at > current_timestamp - interval '1 hour'",
                        Long.class))
                .isPositive();
    }

    @Test
    void anErasureAndAnEndWrittenByAnotherNodeTakeTheTownOffAtOnce() throws Exception {
        String erased = "Erasedville " + suffix();
        String email = email("erased");
        download(Map.of("email", email, "consentFollowUp", "true", "consentMap", "true", "city", erased));
        String elsewhere = "Othernodeville " + suffix();
        download(Map.of("consentMap", "true", "city", elsewhere, "country", "Ghana"));
        assertThat(visitor.get("/map").body()).contains(erased, elsewhere);

        downloads().erase(Subject.of(null, email));
        assertThat(visitor.get("/map").body()).doesNotContain(erased).contains(elsewhere);

        // what another node's unsubscribe leaves in the shared database
        jdbc.update("update manual_download set map_consent_ended_at = current_timestamp where city = ?", elsewhere);
        assertThat(visitor.get("/map").body()).doesNotContain(elsewhere);
    }

    private java.net.http.HttpResponse<String> download(Map<String, String> fields) {
        return visitor.postForm("/enterprises/ceb-press", "/enterprises/ceb-press/downloads", fields);
    }

    private void unsubscribe(String email) {
        String token = jdbc.queryForObject(
                "select unsubscribe_token from manual_download where lower(email) = ?", String.class, email);
        assertThat(visitor.postForm("/unsubscribe/" + token, "/unsubscribe/" + token, Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    private List<JsonNode> towns() throws Exception {
        var response = visitor.getJson("/api/map");
        assertThat(response.statusCode()).isEqualTo(200);
        var towns = new ArrayList<JsonNode>();
        JSON.readTree(response.body()).path("features").forEach(f -> {
            if ("learning-town".equals(f.at("/properties/kind").asText())) {
                towns.add(f);
            }
        });
        return towns;
    }

    private java.util.Optional<JsonNode> maysville() throws Exception {
        return towns().stream()
                .filter(t -> "Maysville".equals(t.at("/properties/city").asText())
                        && "US".equals(t.at("/properties/countryCode").asText())
                        && t.at("/geometry/coordinates/1").asDouble() == 39.89)
                .findFirst();
    }

    private PersonalData downloads() {
        return personalData.stream()
                .filter(p -> "downloads".equals(p.name()))
                .findFirst()
                .orElseThrow();
    }

    private static String email(String who) {
        return who + "-" + suffix() + "@towns.example";
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
