package org.opensourceecology.incubator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.IncubatorApplication;
import org.opensourceecology.incubator.support.PostgresTestDatabase;
import org.opensourceecology.incubator.support.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the whole application on different ports against one PostgreSQL database, both
 * job executors on — as two nodes behind a load balancer.
 */
class TwoNodeClusterIT {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = startNode("node-a");
        nodeB = startNode("node-b");
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    static ConfigurableApplicationContext startNode(String name) {
        // Command-line arguments, because they outrank application.yaml (as a real node's would).
        return new SpringApplicationBuilder(IncubatorApplication.class)
                .initializers(new PostgresTestDatabase(), new TestMail())
                .run(
                        "--server.port=0",
                        "--spring.application.name=incubator-" + name,
                        // Engines register JVM-wide by name; other test contexts keep "default".
                        "--camunda.bpm.process-engine-name=" + name.replace("-", ""),
                        // Camunda's webapp filters keep the last started context in a static field;
                        // the nodes serve the portal, which is what this test needs.
                        "--camunda.bpm.webapp.enabled=false",
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=1000",
                        "--spring.jmx.enabled=false");
    }

    static ProcessEngine engine(ConfigurableApplicationContext node) {
        return node.getBean(ProcessEngine.class);
    }

    static String baseUrl(ConfigurableApplicationContext node) {
        return "http://localhost:"
                + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @Test
    void taskCompletedOnOneNodeIsGoneFromTheOthersList() {
        var deployment = engine(nodeA)
                .getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "cluster-task.bpmn",
                        Bpmn.createExecutableProcess("cluster-task")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("cluster_review")
                                .camundaCandidateGroups("mentors")
                                .endEvent()
                                .done())
                .deploy();
        try {
            var instance = engine(nodeA).getRuntimeService().startProcessInstanceByKey("cluster-task");
            TaskService tasksOnB = engine(nodeB).getTaskService();
            var task = tasksOnB.createTaskQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
            assertThat(task).as("task created on A is listed on B").isNotNull();

            engine(nodeA).getTaskService().complete(task.getId());

            assertThat(tasksOnB.createTaskQuery()
                            .processInstanceId(instance.getId())
                            .count())
                    .isZero();
            assertThat(engine(nodeB)
                            .getHistoryService()
                            .createHistoricProcessInstanceQuery()
                            .processInstanceId(instance.getId())
                            .finished()
                            .count())
                    .isEqualTo(1);
        } finally {
            engine(nodeA).getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void eachDueTimerFiresExactlyOnceAcrossBothJobExecutors() {
        var deployment = engine(nodeA)
                .getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "cluster-timer.bpmn",
                        Bpmn.createExecutableProcess("cluster-timer")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .intermediateCatchEvent("cluster_wait")
                                .timerWithDuration("PT1S")
                                .serviceTask("cluster_after_timer")
                                .camundaExpression("${true}")
                                .endEvent()
                                .done())
                .deploy();
        try {
            List<String> instances = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                var engine = engine(i % 2 == 0 ? nodeA : nodeB);
                instances.add(engine.getRuntimeService()
                        .startProcessInstanceByKey("cluster-timer")
                        .getId());
            }
            HistoryService history = engine(nodeA).getHistoryService();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(history.createHistoricProcessInstanceQuery()
                                    .processDefinitionKey("cluster-timer")
                                    .finished()
                                    .count())
                            .isEqualTo(instances.size()));
            for (String id : instances) {
                assertThat(history.createHistoricActivityInstanceQuery()
                                .processInstanceId(id)
                                .activityId("cluster_after_timer")
                                .count())
                        .as("timer of %s fired once", id)
                        .isEqualTo(1);
            }
        } finally {
            engine(nodeA).getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void loggedInSessionIsServedByTheOtherNode() throws Exception {
        var client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String loginPage = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl(nodeA) + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "username=admin&password=admin&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var login = client.send(
                HttpRequest.newBuilder(URI.create(baseUrl(nodeA) + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        // Cookies are not port-specific, so the same session cookie now goes to node B.
        var onB = client.send(
                HttpRequest.newBuilder(URI.create(baseUrl(nodeB) + "/admin/mail"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("Mail outbox");

        var anonymousOnB = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl(nodeB) + "/admin/mail"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(anonymousOnB.statusCode())
                .as("a browser without the session is sent to log in")
                .isEqualTo(302);
    }
}
