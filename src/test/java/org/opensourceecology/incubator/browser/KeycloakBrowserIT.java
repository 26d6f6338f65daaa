package org.opensourceecology.incubator.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.ACCEPT;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.MENTOR_OVERRIDE;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.REVIEW_DECISION;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.USER_COMPLETE_MILESTONE;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.USER_REVIEW_APPLICATION;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.opensourceecology.incubator.support.KeycloakIntegrationTest;
import org.opensourceecology.incubator.support.KeycloakTestServer;
import org.opensourceecology.incubator.support.TestUsers;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #9: the profile keycloak in headless Chromium against the real Keycloak server. A trainee of the
 * realm signs on at Keycloak's own login page, reaches Tasklist without a second login, applies for
 * training there and sees their first milestone, then logs out of the portal and so of Keycloak too.
 * Shares the Spring context of the other {@link KeycloakIntegrationTest}s.
 */
@KeycloakIntegrationTest
class KeycloakBrowserIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    HistoryService historyService;

    @Autowired
    TaskService taskService;

    @BeforeEach
    void pointTheBrowserAtThisApplication() {
        // The loopback address: the realm accepts redirects to 127.0.0.1 on any port (RFC 8252).
        browser.at("http://127.0.0.1:" + port);
    }

    @Test
    @Timeout(240) // a whole journey through two Keycloak visits and Tasklist on a shared two-core machine
    void traineeSignsOnAtKeycloakAppliesInTasklistAndLogsOutOfBoth() throws Exception {
        String trainee = "kctrainee" + TestUsers.uniqueSuffix();
        String password = "s3cret-" + trainee;
        KeycloakTestServer.createUser(trainee, password, "Wanjiru", "Kamau", "/trainees");

        // The portal's "Log in" leads to Keycloak's own login page.
        browser.open("/");
        browser.click(By.cssSelector("header a[href='/login']"));
        assertKeycloakLoginPage();
        browser.screenshot("keycloak-login");
        browser.driver().findElement(By.id("username")).sendKeys(trainee);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.click(By.id("kc-login"));

        // Back in the portal, signed on.
        browser.waiting().until(d -> d.getCurrentUrl().equals(browser.baseUrl() + "/"));
        assertThat(browser.visible(By.cssSelector("header form[action='/logout'] button"))
                        .getText())
                .isEqualTo("Log out (" + trainee + ")");

        // Tasklist with the same sign-on: no second login.
        browser.click(By.cssSelector("header a[href='/camunda/app/tasklist/']"));
        browser.click(By.xpath("//a[contains(normalize-space(.),'Start process')]"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(browser.baseUrl() + "/camunda/app/tasklist/");
        assertThat(browser.driver().getPageSource())
                .as("Tasklist knows the person by their name in Keycloak")
                .contains("Wanjiru Kamau");

        // The trainee applies for immersion training from Tasklist's start form.
        browser.click(By.xpath("//div[contains(@class,'modal')]//a[contains(normalize-space(.),"
                + "'Distributive Enterprise journey')]"));
        browser.type("Enterprise", "ceb-press");
        browser.type("Why do you want to replicate this enterprise?", "Our cooperative wants to press bricks.");
        browser.type("Town or city", "Kisumu");
        browser.type("Country", "Kenya");
        browser.pressButton("Start");
        browser.waiting().until(d -> journeyOf(trainee) != null);
        String businessKey = journeyOf(trainee);

        // A mentor accepts (not this test's subject); the trainee finds the first milestone in Tasklist.
        Task review = task(businessKey, USER_REVIEW_APPLICATION);
        taskService.complete(review.getId(), MENTOR_OVERRIDE.putIn(REVIEW_DECISION.with(ACCEPT), "mentor"));
        Task milestone = task(businessKey, USER_COMPLETE_MILESTONE);
        assertThat(milestone.getAssignee()).isEqualTo(trainee);
        browser.open("/camunda/app/tasklist/default/");
        browser.click(By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space(.)="
                + Browser.xpathLiteral(milestone.getName()) + "]"));
        browser.visible(By.cssSelector(".fjs-form"));
        browser.screenshot("keycloak-tasklist-milestone");

        // Logging out of the portal ends the Keycloak session too: Tasklist asks for a login again.
        browser.open("/");
        browser.click(By.cssSelector("header form[action='/logout'] button"));
        browser.waiting().until(d -> d.getCurrentUrl().equals(browser.baseUrl() + "/?logout"));
        browser.visible(By.cssSelector("header a[href='/login']"));
        browser.open("/camunda/app/tasklist/default/");
        assertKeycloakLoginPage();
    }

    /** Keycloak's own page, with its form fields, not the portal's. */
    private void assertKeycloakLoginPage() {
        browser.waiting()
                .until(d ->
                        d.getCurrentUrl().startsWith(KeycloakTestServer.issuer() + "/protocol/openid-connect/auth"));
        WebDriver driver = browser.driver();
        browser.visible(By.id("kc-form-login"));
        assertThat(driver.findElement(By.id("username")).getAttribute("name")).isEqualTo("username");
        assertThat(driver.findElement(By.id("password")).getAttribute("type")).isEqualTo("password");
        assertThat(driver.findElement(By.id("kc-login")).isDisplayed()).isTrue();
    }

    private String journeyOf(String trainee) {
        var journey = historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(JourneyProcess.KEY)
                .startedBy(trainee)
                .singleResult();
        return journey == null ? null : journey.getBusinessKey();
    }

    private Task task(String businessKey, String taskDefinitionKey) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }
}
