package org.opensourceecology.incubator.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.replication.ReplicationProcess;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.PortalClient;
import org.opensourceecology.incubator.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Consent to the public map on the real application and PostgreSQL: an owner who registered with
 * consent is on {@code /map} (pins and the text table) and {@code /api/map}; nobody else can withdraw
 * it; the owner's withdrawal on their page takes the enterprise off both at once and keeps when the
 * consent was given and withdrawn; the API gives and withdraws it too; and a withdrawal written by
 * another node (this node's change counter does not move) is off this node's map at once as well.
 */
@IntegrationTest
class MapConsentIT {

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void theOwnerTakesTheirEnterpriseOffTheMapAtOnceAndNobodyElseCan() {
        String owner = TestUsers.create(identity, "mapc", Roles.TRAINEES, "mapconsent.example");
        String other = TestUsers.create(identity, "mapo", Roles.TRAINEES, "mapconsent.example");
        String name = "Consenting Works " + TestUsers.uniqueSuffix();
        var me = new PortalClient(port).login(owner);
        var registered = me.sendJson("POST", "/api/replications", """
                {"name": "%s", "enterpriseSlug": "ceb-press", "city": "Tamale", "country": "Ghana",
                 "latitude": 9.4, "longitude": -0.85, "consentMap": true}""".formatted(name));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        long id = jdbc.queryForObject("select id from replicated_enterprise where name = ?", Long.class, name);

        var visitor = new PortalClient(port);
        assertThat(visitor.getJson("/api/map").body()).contains(name, "[-0.85,9.4]");
        assertThat(visitor.get("/map").body()).contains(name).doesNotContain("href=\"/me/enterprises\"");

        // someone else cannot withdraw (or give) it, neither on the page nor through the API
        var someoneElse = new PortalClient(port).login(other);
        assertThat(someoneElse.get("/me/enterprises").body()).doesNotContain(name);
        var meddling = someoneElse.postForm(
                "/me/enterprises", "/me/enterprises/" + id + "/map-consent", Map.of("consent", "false"));
        assertThat(meddling.statusCode()).isEqualTo(404);
        var meddlingApi =
                someoneElse.sendJson("PUT", "/api/replications/" + id + "/map-consent", "{\"consent\": false}");
        assertThat(meddlingApi.statusCode()).isEqualTo(404);
        assertThat(visitor.getJson("/api/map").body()).contains(name);

        // the owner finds their enterprise from the map and from their journey, and withdraws
        assertThat(me.get("/map").body()).contains("href=\"/me/enterprises\"");
        assertThat(me.get("/me/journey").body()).contains("href=\"/me/enterprises\"");
        assertThat(me.get("/me/enterprises").body())
                .contains(name, "id=\"enterprise-" + id + "\"", "action=\"/me/enterprises/" + id + "/map-consent\"")
                .contains("Withdraw my consent and take this enterprise off the map now");
        var withdrawn =
                me.postForm("/me/enterprises", "/me/enterprises/" + id + "/map-consent", Map.of("consent", "false"));
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(withdrawn.headers().firstValue("Location").orElseThrow())
                .endsWith("/me/enterprises#enterprise-" + id);

        assertThat(visitor.getJson("/api/map").body()).doesNotContain(name);
        assertThat(visitor.get("/map").body()).doesNotContain(name);
        var record = jdbc.queryForMap(
                "select consent_map, consent_map_at, map_consent_withdrawn_at from replicated_enterprise where id = ?",
                id);
        assertThat(record.get("consent_map")).isEqualTo(false);
        assertThat(record.get("consent_map_at"))
                .as("when it was given stays on record")
                .isNotNull();
        assertThat(record.get("map_consent_withdrawn_at")).isNotNull();
        assertThat(consentVariable(id))
                .as("the process variable follows the row")
                .isFalse();
        assertThat(me.get("/me/enterprises").body())
                .contains("Not shown on the public map.", "and withdrew on", "Show this enterprise on the public map");

        // through the API: given again (back on the map), then withdrawn again
        var givenAgain = me.sendJson("PUT", "/api/replications/" + id + "/map-consent", "{\"consent\": true}");
        assertThat(givenAgain.statusCode()).as(givenAgain.body()).isEqualTo(200);
        assertThat(givenAgain.body()).contains("\"consentMap\":true", "\"mapConsentWithdrawnAt\":null");
        assertThat(visitor.getJson("/api/map").body()).contains(name);
        assertThat(consentVariable(id)).isTrue();
        var withdrawnApi = me.sendJson("PUT", "/api/replications/" + id + "/map-consent", "{\"consent\": false}");
        assertThat(withdrawnApi.statusCode()).isEqualTo(200);
        assertThat(withdrawnApi.body()).contains("\"consentMap\":false");
        assertThat(visitor.getJson("/api/map").body()).doesNotContain(name);
        var bad = me.sendJson("PUT", "/api/replications/" + id + "/map-consent", "{\"consent\": \"perhaps\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void aWithdrawalWrittenByAnotherNodeLeavesThisNodesMapAtOnce() {
        String owner = TestUsers.create(identity, "mapn", Roles.TRAINEES, "mapconsent.example");
        String name = "Other Node Works " + TestUsers.uniqueSuffix();
        var me = new PortalClient(port).login(owner);
        assertThat(me.sendJson("POST", "/api/replications", """
                        {"name": "%s", "enterpriseSlug": "ceb-press", "city": "Wa", "country": "Ghana",
                         "latitude": 10.06, "longitude": -2.5, "consentMap": true}""".formatted(name)).statusCode())
                .isEqualTo(202);
        var visitor = new PortalClient(port);
        assertThat(visitor.getJson("/api/map").body()).contains(name);

        // what another node's withdrawal leaves in the shared database; this node's cache lives 30 s
        jdbc.update(
                "update replicated_enterprise set consent_map = false, map_consent_withdrawn_at = current_timestamp"
                        + " where name = ?",
                name);

        assertThat(visitor.getJson("/api/map").body()).doesNotContain(name);
        assertThat(visitor.get("/map").body()).doesNotContain(name);
    }

    private Boolean consentVariable(long enterpriseId) {
        var instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ReplicationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(enterpriseId))
                .singleResult();
        assertThat(instance).as("the enterprise's running replication process").isNotNull();
        return ReplicationProcess.CONSENT_MAP
                .from(runtime.getVariables(instance.getId()))
                .orElseThrow();
    }
}
