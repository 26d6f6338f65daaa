package org.opensourceecology.incubator.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.replication.ReplicationProcess;
import org.opensourceecology.incubator.replication.ReplicationStatistics;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replication and the public map on PostgreSQL: the API, the process with its timers driven by hand
 * (the job executor is off), lapsing with mail, closure, the SQL statistics against seeded data and
 * the GeoJSON of consenting enterprises only. The database is shared with other ITs: every test
 * makes its own enterprises and asserts differences, and money uses the ISO test currency XTS.
 */
@IntegrationTest
class ReplicationIT {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    ReplicationService replication;

    @Autowired
    ReplicationProcessPort port;

    @Autowired
    ReplicationStatistics statistics;

    @Autowired
    ReplicatedEnterprises enterprises;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static RegistrationDetails details(String name, String slug, boolean consentMap) {
        return new RegistrationDetails(
                name,
                slug,
                "Lagos",
                "Nigeria",
                6.524379,
                3.379206,
                consentMap,
                null,
                null,
                new BigDecimal("800"),
                "USD",
                null,
                List.of());
    }

    HttpEntity<String> json(String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    String ownerWithEmail() {
        String id = unique("owner");
        var user = identity.newUser(id);
        user.setEmail(id + "@example.org");
        user.setPassword("owner-password");
        identity.saveUser(user);
        return id;
    }

    @Test
    void anyoneLoggedInRegistersThroughTheApi() {
        String name = unique("Api Works ");
        var response = http.withBasicAuth("trainee", "trainee")
                .exchange(
                        "/api/replications",
                        HttpMethod.POST,
                        json(
                                "{\"name\":\"" + name + "\",\"enterpriseSlug\":\"ceb-press\",\"city\":\"Accra\","
                                        + "\"country\":\"Ghana\",\"latitude\":5.6037,\"longitude\":-0.187,\"consentMap\":true}"),
                        JSON);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long id = ((Number) response.getBody().get("replicatedEnterpriseId")).longValue();
        var enterprise = enterprises.findById(id).orElseThrow();
        assertThat(enterprise.getName()).isEqualTo(name);
        assertThat(enterprise.getOwnerId()).isEqualTo("trainee");
        assertThat(enterprise.getLatitude()).isEqualByComparingTo("5.60");
        assertThat(enterprise.getLongitude()).isEqualByComparingTo("-0.19");
        var instance = runtime.createProcessInstanceQuery()
                .processInstanceId((String) response.getBody().get("processInstanceId"))
                .singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(id));
    }

    @Test
    void badRegistrationsAreRefusedWithFieldMessagesAndLeaveNothingBehind() {
        long before = statistics.countReplicatedEnterprises();
        var user = http.withBasicAuth("trainee", "trainee");

        var invalid = user.exchange(
                "/api/replications",
                HttpMethod.POST,
                json("{\"name\":\"\",\"enterpriseSlug\":\"Not A Slug\",\"city\":\"Accra\",\"country\":\"Ghana\","
                        + "\"latitude\":95,\"consentMap\":true}"),
                JSON);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((Map<String, Object>) invalid.getBody().get("fields"))
                .containsKeys("name", "enterpriseSlug", "latitude");

        var unreadable = user.exchange("/api/replications", HttpMethod.POST, json("{not json"), JSON);
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        var anonymous = http.exchange("/api/replications", HttpMethod.POST, json("{}"), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(statistics.countReplicatedEnterprises()).isEqualTo(before);
    }

    @Test
    void missedReportsLapseWithMailALaterReportReactivatesAndTheOwnerCloses() {
        String owner = ownerWithEmail();
        var started = port.register(owner, details(unique("Cycle Works "), "ceb-press", true));
        long id = started.replicatedEnterpriseId();
        String instanceId = started.processInstanceId();

        runJob(instanceId, ReplicationProcess.TIMER_NEXT_REPORTING_PERIOD);
        for (int missed = 1; missed <= 2; missed++) {
            runJob(instanceId, ReplicationProcess.TIMER_REPORT_MISSED);
            runJob(instanceId, ReplicationProcess.SERVICE_RECORD_MISSED_REPORT);
        }
        assertThat(enterprises.findById(id).orElseThrow().getStatus()).isEqualTo(EnterpriseStatus.LAPSED);
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where recipient = ? and template = ?",
                        Long.class,
                        owner + "@example.org",
                        ReplicationService.MAIL_LAPSED))
                .isEqualTo(1);
        assertThat(replication
                        .designations(List.of(enterprises.findById(id).orElseThrow()))
                        .get(id))
                .isEqualTo(Designation.INSPIRED);

        var task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(task.getAssignee()).isEqualTo(owner);
        assertThat(task.getName()).startsWith("Report production for ");
        var report = Variables.createVariables();
        ReplicationProcess.UNITS_PRODUCED.putIn(report, 9L);
        ReplicationProcess.UNITS_SOLD.putIn(report, 8L);
        ReplicationProcess.SALES_VALUE.putIn(report, 2400.0);
        ReplicationProcess.CURRENCY.putIn(report, "USD");
        ReplicationProcess.HOURS_WORKED.putIn(report, 80.0);
        tasks.complete(task.getId(), report);

        var enterprise = enterprises.findById(id).orElseThrow();
        assertThat(enterprise.getStatus()).isEqualTo(EnterpriseStatus.ACTIVE);
        assertThat(enterprise.getConsecutiveMissedReports()).isZero();
        assertThat(replication.designations(List.of(enterprise)).get(id)).isEqualTo(Designation.OSE_COMPATIBLE);

        assertThat(http.withBasicAuth("mentor", "mentor")
                        .exchange("/api/replications/" + id + "/closure", HttpMethod.POST, json(""), JSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("admin", "admin")
                        .exchange("/api/replications/999999999/closure", HttpMethod.POST, json(""), JSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(owner, "owner-password")
                        .exchange("/api/replications/" + id + "/closure", HttpMethod.POST, json(""), JSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(enterprises.findById(id).orElseThrow().getStatus()).isEqualTo(EnterpriseStatus.CLOSED);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .count())
                .isZero();
    }

    @Test
    void statisticsAreSqlAggregatesOfTheSeededReports() {
        long replicatedBefore = statistics.countReplicatedEnterprises();
        long unitsBefore = statistics.reportedUnitsProduced();
        long reportingBefore = statistics.countReportingEnterprises();
        BigDecimal xtsBefore = statistics.reportedSalesByCurrency().getOrDefault("XTS", BigDecimal.ZERO);
        long thisMonthBefore = statistics.replicatedByMonth().getOrDefault(YearMonth.now(java.time.ZoneOffset.UTC), 0L);

        var first = replication.register("seed1", details(unique("Seed One "), "ceb-press", false));
        var second = replication.register("seed2", details(unique("Seed Two "), "d3d-universal", false));
        // a month of its own, so that its by-month figure is known exactly
        LocalDate unusedMonth = LocalDate.parse("1987-03-01").plusMonths(first.getId() % 1000);
        replication.recordReport(first.getId(), period(unusedMonth), figures(10, "1250.5000"), "seed1");
        replication.recordReport(first.getId(), period(unusedMonth.plusMonths(3)), figures(5, "99.9900"), "seed1");
        replication.recordReport(second.getId(), period(unusedMonth.plusMonths(6)), figures(7, "0.0100"), "seed2");

        assertThat(statistics.countReplicatedEnterprises()).isEqualTo(replicatedBefore + 2);
        assertThat(statistics.replicatedByMonth().get(YearMonth.now(java.time.ZoneOffset.UTC)))
                .isGreaterThanOrEqualTo(thisMonthBefore + 2);
        assertThat(statistics.reportedUnitsProduced()).isEqualTo(unitsBefore + 22);
        assertThat(statistics.reportedSalesByCurrency().get("XTS"))
                .isEqualByComparingTo(xtsBefore.add(new BigDecimal("1350.50")));
        assertThat(statistics.reportedUnitsByMonth().get(YearMonth.from(unusedMonth)))
                .isEqualTo(10L);
        assertThat(statistics.countReportingEnterprises()).isEqualTo(reportingBefore + 2);
    }

    static ReportingPeriod period(LocalDate start) {
        return ReportingPeriod.ending(start.plusMonths(3), Period.ofMonths(3));
    }

    static ReportFigures figures(long units, String sales) {
        return new ReportFigures(
                units, units, new BigDecimal(sales), "XTS", BigDecimal.ZERO, new BigDecimal("40"), null);
    }

    @Test
    void theMapShowsConsentingEnterprisesOnlyWithoutPersonalData() {
        String owner = unique("mapowner");
        String shown = unique("Shown Works ");
        String hidden = unique("Hidden Works ");
        String closed = unique("Closed Works ");
        // a map already served and cached must show the enterprises registered after it
        assertThat(http.getForEntity("/api/map", String.class).getBody()).doesNotContain(shown);
        replication.register(owner, details(shown, "ceb-press", true));
        replication.register(owner, details(hidden, "ceb-press", false));
        replication.close(
                replication.register(owner, details(closed, "ceb-press", true)).getId());

        var geoJson = http.getForEntity("/api/map", String.class);
        assertThat(geoJson.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(geoJson.getHeaders().getContentType().toString()).startsWith("application/geo+json");
        assertThat(geoJson.getBody())
                .startsWith("{\"type\":\"FeatureCollection\"")
                .contains(shown, "[3.38,6.52]", "\"designation\":\"inspired\"", "\"status\":\"active\"")
                .doesNotContain(hidden, closed, owner, "ownerId", "website", "6.524");

        var page = http.getForEntity("/map", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains(shown, "/webjars/leaflet/dist/leaflet.js", "Inspired by Open Source Ecology")
                .doesNotContain(hidden, owner);
        assertThat(http.getForEntity("/webjars/leaflet/dist/leaflet.js", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private void runJob(String processInstanceId, String activityId) {
        var job = management
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(activityId)
                .singleResult();
        assertThat(job).as("job at %s", activityId).isNotNull();
        management.executeJob(job.getId());
    }
}
