package org.opensourceecology.incubator.production.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.production.ProductionRunProcess;
import org.opensourceecology.incubator.production.ProductionStatistics;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A production run on PostgreSQL: planned in Tasklist, recorded on the portal page (owner only,
 * validated), evaluated, verified by the mentor, and only then counted in the statistics.
 */
@IntegrationTest
class ProductionRunIT {

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    ProductionStatistics statistics;

    @Autowired
    ProductionRuns runs;

    @Autowired
    TestRestTemplate http;

    @Test
    void recordedRunCountsOnlyOnceVerified() {
        String producer = user("maker");
        String stranger = user("stranger");
        long unitsBefore = statistics.verifiedUnitsBuilt();
        BigDecimal salesBefore = statistics.verifiedSalesValueByCurrency().getOrDefault("EUR", BigDecimal.ZERO);

        var variables = new java.util.HashMap<String, Object>();
        variables.put(ProductionRunProcess.TRAINEE_ID.name(), producer);
        variables.put(ProductionRunProcess.MENTOR_ID.name(), "mentor");
        variables.put(ProductionRunProcess.ENTERPRISE_SLUG.name(), "ceb-press");
        var instance = runtime.startProcessInstanceByKey(ProductionRunProcess.KEY, "run-" + producer, variables);
        complete(
                instance.getId(),
                ProductionRunProcess.USER_PLAN_PRODUCTION_RUN,
                Map.of("plannedUnits", 3, "currency", "EUR", "targetPrice", 4500.0));
        long runId = (Long) runtime.getVariable(instance.getId(), "productionRunId");

        var page = get(runId, producer);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Frame squareness", "Hydraulic pressure test");
        assertThat(get(runId, stranger).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        var invalid = post(runId, producer, page, form(""));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(invalid.getBody()).contains("link to the documentation");
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(ProductionRuns.Status.PLANNED);
        assertThat(runs.unitsOf(runId)).isEmpty();

        var recorded = post(runId, producer, page, form("https://wiki.opensourceecology.org/wiki/CEB_run_" + producer));
        // the client follows the redirect to the page, which confirms the recording
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(recorded.getBody()).contains("Recorded. Complete the task");
        assertThat(runs.find(runId).orElseThrow().status())
                .as(recorded.getBody())
                .isEqualTo(ProductionRuns.Status.RECORDED);
        assertThat(runs.unitsOf(runId)).hasSize(3);
        complete(instance.getId(), ProductionRunProcess.USER_RECORD_PRODUCTION_RUN, Map.of("recordingConfirmed", true));
        assertThat((Double) runtime.getVariable(instance.getId(), "qcPassRate")).isCloseTo(2.0 / 3, within());
        assertThat(statistics.verifiedUnitsBuilt()).isEqualTo(unitsBefore);

        complete(
                instance.getId(),
                ProductionRunProcess.USER_VERIFY_PRODUCTION_RUN,
                Map.of("verificationDecision", "verify"));

        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(ProductionRuns.Status.VERIFIED);
        assertThat(statistics.verifiedUnitsBuilt()).isEqualTo(unitsBefore + 3);
        assertThat(statistics.verifiedSalesValueByCurrency().get("EUR"))
                .isEqualByComparingTo(salesBefore.add(new BigDecimal("9000")));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.001);
    }

    private LinkedMultiValueMap<String, String> form(String documentationUrl) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("unitCost", "3000");
        form.add("unitPrice", "4500");
        form.add("unitsSold", "2");
        form.add("currency", "EUR");
        form.add("documentationUrl", documentationUrl);
        for (int u = 0; u < 3; u++) {
            form.add("units[" + u + "].serialNumber", "CEB-IT-" + u);
            for (int c = 0; c < 5; c++) {
                boolean passed = !(u == 1 && c == 1);
                form.add("units[" + u + "].checks[" + c + "].passed", String.valueOf(passed));
                form.add("units[" + u + "].checks[" + c + "].measurement", "ok");
            }
        }
        return form;
    }

    private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
        var task = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        tasks.complete(task.getId(), variables);
    }

    private ResponseEntity<String> get(long runId, String user) {
        return http.withBasicAuth(user, password(user)).getForEntity("/production-runs/" + runId, String.class);
    }

    /** Posts like the browser: the session cookie and CSRF token of the page it was given. */
    private ResponseEntity<String> post(
            long runId, String user, ResponseEntity<String> page, LinkedMultiValueMap<String, String> form) {
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(matcher.find()).isTrue();
        form.set("_csrf", matcher.group(1));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie.split(";", 2)[0]);
        }
        return http.withBasicAuth(user, password(user))
                .exchange("/production-runs/" + runId, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private String user(String prefix) {
        String id = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var user = identity.newUser(id);
        user.setPassword(password(id));
        user.setEmail(id + "@example.org");
        identity.saveUser(user);
        return id;
    }

    private static String password(String user) {
        return "pw-" + user;
    }
}
