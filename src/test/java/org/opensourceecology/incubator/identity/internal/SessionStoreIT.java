package org.opensourceecology.incubator.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.PortalClient;
import org.opensourceecology.incubator.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared session store on PostgreSQL: a logged-in person's requests, portal pages and Tasklist
 * calls alike, write nothing to it while the session's recorded last access is less than a minute old
 * and nothing in it changed, and record the access again after that.
 * PostgreSQL gives every row version a new {@code xmin}, so an unchanged {@code xmin} means no write.
 */
@IntegrationTest
class SessionStoreIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    /** The versions of the person's session row and of its attribute rows, and its recorded times. */
    record Stored(List<String> versions, long lastAccess, long expiry, int maxInactiveSeconds) {}

    Stored stored(String userId) {
        var versions = jdbc.queryForList(
                "select 'session:' || s.xmin::text from spring_session s where s.principal_name = ? union all"
                        + " select a.attribute_name || ':' || a.xmin::text from spring_session_attributes a"
                        + " join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = ?"
                        + " order by 1",
                String.class,
                userId,
                userId);
        return jdbc.queryForObject(
                "select last_access_time, expiry_time, max_inactive_interval from spring_session where principal_name = ?",
                (rs, n) -> new Stored(versions, rs.getLong(1), rs.getLong(2), rs.getInt(3)),
                userId);
    }

    @Test
    void requestsWithinAMinuteOfTheRecordedAccessWriteNothingLaterOnesRecordIt() {
        String trainee = TestUsers.create(identityService, "sessions", Roles.TRAINEES, "example.org");
        var browser = new PortalClient(port).login(trainee);
        assertThat(browser.get("/me/journey").statusCode()).isEqualTo(200);
        var afterFirst = stored(trainee);
        assertThat(afterFirst.versions()).anyMatch(version -> version.startsWith("session:"));

        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/me/journey").statusCode())
                    .as("still logged in: the session and its security context are found")
                    .isEqualTo(200);
        }
        assertThat(stored(trainee)).isEqualTo(afterFirst);

        // the same session as if its last request had been two minutes ago
        jdbc.update(
                "update spring_session set last_access_time = last_access_time - 120000,"
                        + " expiry_time = expiry_time - 120000 where principal_name = ?",
                trainee);
        long before = System.currentTimeMillis();
        assertThat(browser.get("/me/journey").statusCode()).isEqualTo(200);
        var touched = stored(trainee);
        assertThat(touched.lastAccess()).isGreaterThanOrEqualTo(before);
        assertThat(touched.expiry()).isEqualTo(touched.lastAccess() + touched.maxInactiveSeconds() * 1000L);
    }

    @Test
    void tasklistCallsWriteNothingOnceCamundasLoginIsStored() {
        String mentor = TestUsers.create(identityService, "sessions", Roles.MENTORS, "example.org");
        var browser = new PortalClient(port).login(mentor);
        String filters = "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true";
        var json = Map.of("Accept", "application/json");
        // the first call stores the webapps' login in the session
        assertThat(browser.send("GET", filters, json, null).statusCode()).isEqualTo(200);
        var afterFirst = stored(mentor);
        assertThat(afterFirst.versions())
                .anyMatch(version -> version.startsWith(CoarseAccessTimeSessionRepository.CAMUNDA_WEBAPP_USER + ":"));

        for (int i = 0; i < 3; i++) {
            assertThat(browser.send("GET", filters, json, null).statusCode()).isEqualTo(200);
        }
        assertThat(stored(mentor))
                .as("Camunda's webapps set their login again on every call; unchanged, it is not written")
                .isEqualTo(afterFirst);
    }
}
