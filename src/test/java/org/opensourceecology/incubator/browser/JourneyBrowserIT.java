package org.opensourceecology.incubator.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.opensourceecology.incubator.certification.CertificationProcess;
import org.opensourceecology.incubator.certification.Certifications;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.TestUsers;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The incubator as people use it, in headless Chromium: a visitor downloads a manual, a trainee
 * applies and works milestones in Tasklist (Camunda Forms rendered by Tasklist), a mentor returns and
 * signs them off, a certifier certifies and a visitor verifies the certificate. Steps that are not
 * about the browser (a mentor accepting an application, preparing a verified production run) go
 * through the engine.
 */
@IntegrationTest
class JourneyBrowserIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ManagementService managementService;

    @Autowired
    Certifications certifications;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void pointTheBrowserAtThisApplication() {
        browser.at(port);
    }

    @Test
    void visitorBrowsesTheCatalogAndDownloadsAManualWithConsent() throws Exception {
        browser.logOut();
        browser.open("/");
        browser.visible(By.tagName("h1"));
        browser.screenshot("home");

        browser.open("/enterprises");
        browser.click(By.cssSelector("a[href$='/enterprises/ceb-press']"));
        browser.visible(By.cssSelector("#download form"));
        long before = shownDownloadCount();
        browser.screenshot("enterprise");

        String email = "visitor" + suffix() + "@browser.example";
        browser.driver().findElement(By.id("email")).sendKeys(email);
        browser.click(By.id("consentFollowUp"));
        browser.driver().findElement(By.id("city")).sendKeys("Nairobi");
        browser.driver().findElement(By.id("country")).sendKeys("Kenya");
        browser.click(By.cssSelector("#download button[type=submit]"));
        // 303 to the Operations Manual, which lives on another host (unreachable from the test browser)
        browser.waiting().until(d -> !d.getCurrentUrl().contains("/enterprises/ceb-press"));

        browser.open("/enterprises/ceb-press");
        browser.visible(By.cssSelector("#download form"));
        assertThat(shownDownloadCount()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from manual_download where specification_slug = 'ceb-press' and email = ?"
                                + " and consent_follow_up_at is not null",
                        Long.class,
                        email))
                .isOne();
    }

    @Test
    void traineeAppliesFromTasklistAndCompletesAMilestoneForm() throws Exception {
        String trainee = user("btrn", Roles.TRAINEES);
        String mentor = user("bmnt", Roles.MENTORS);

        browser.logIn(trainee, password(trainee));
        browser.open("/camunda/app/tasklist/");
        browser.click(By.xpath("//a[contains(normalize-space(.),'Start process')]"));
        browser.click(By.xpath("//div[contains(@class,'modal')]//a[contains(normalize-space(.),"
                + "'Distributive Enterprise journey')]"));
        browser.type("Enterprise", "ceb-press");
        browser.type("Why do you want to replicate this enterprise?", "Our village needs affordable brick houses.");
        browser.type("Town or city", "Tamale");
        browser.type("Country", "Ghana");
        browser.pressButton("Start");

        browser.waiting()
                .until(d -> historyService
                                .createHistoricProcessInstanceQuery()
                                .processDefinitionKey(JourneyProcess.KEY)
                                .startedBy(trainee)
                                .count()
                        == 1);
        var journey = historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(JourneyProcess.KEY)
                .startedBy(trainee)
                .singleResult();
        String businessKey = journey.getBusinessKey();
        assertThat(businessKey).startsWith("application-");
        assertThat(runtimeService.getVariable(journey.getId(), JourneyProcess.CITY.name()))
                .isEqualTo("Tamale");
        Task review = task(businessKey, USER_REVIEW_APPLICATION);
        taskService.complete(review.getId(), MENTOR_OVERRIDE.putIn(REVIEW_DECISION.with(ACCEPT), mentor));

        Task work = task(businessKey, USER_COMPLETE_MILESTONE);
        browser.openTask(work.getId());
        browser.type("Links to your evidence", "https://wiki.opensourceecology.org/wiki/Tamale_shop");
        browser.type("Notes for your mentor", "Extinguisher and first-aid kit are on the wall.");
        browser.type("Hours spent", "6");
        browser.screenshot("tasklist-milestone");
        browser.pressButton("Complete");

        browser.waiting().until(d -> task(businessKey, USER_SIGN_OFF_MILESTONE) != null);
        Task signOff = task(businessKey, USER_SIGN_OFF_MILESTONE);
        assertThat(signOff.getAssignee()).isEqualTo(mentor);
        assertThat(taskService.getVariable(signOff.getId(), EVIDENCE_URLS.name()))
                .isEqualTo("https://wiki.opensourceecology.org/wiki/Tamale_shop");
        assertThat(taskService.getVariable(signOff.getId(), "hoursSpent"))
                .as("Tasklist submits whole numbers as Integer")
                .isEqualTo(6);
    }

    @Test
    void aTraineeWhoChoseSpanishOnThePortalWorksAMilestoneInSpanish() throws Exception {
        String trainee = user("strn", Roles.TRAINEES);
        String mentor = user("smnt", Roles.MENTORS);
        String businessKey = appliedAndAccepted(trainee, mentor);
        Task work = task(businessKey, USER_COMPLETE_MILESTONE);
        String milestone = (String) taskService.getVariable(work.getId(), MILESTONE_TITLE.name());

        browser.logIn(trainee, password(trainee));
        browser.open("/?lang=es");
        browser.openTask(work.getId());
        // The form (messages/forms_es), the task's name (rendered in Spanish when it was created) and
        // Tasklist's own buttons (locales/es.json) all speak Spanish.
        browser.visible(By.xpath("//div[contains(@class,'fjs-form')]//h2[normalize-space(.)='Completar un hito']"));
        String spanishName = "Completar el hito: " + milestone + " (ceb-press)";
        browser.waiting().until(d -> d.getPageSource().contains(spanishName));
        assertThat(browser.driver().getPageSource()).doesNotContain(work.getName());
        // form-js's own validation messages too (app/incubator/portal.js)
        var evidence = browser.field("Enlaces a su evidencia");
        evidence.sendKeys("x");
        evidence.sendKeys(Keys.BACK_SPACE);
        browser.visible(By.xpath("//div[contains(@class,'fjs-form-field-error')]"
                + "//li[normalize-space(.)='Este campo es obligatorio.']"));
        browser.type("Enlaces a su evidencia", "https://wiki.opensourceecology.org/wiki/Cusco_taller");
        browser.type("Notas para su mentor", "El extintor está en la pared.");
        browser.type("Horas dedicadas", "4");
        browser.screenshot("tasklist-milestone-es");
        browser.pressButton("Completar");

        browser.waiting().until(d -> task(businessKey, USER_SIGN_OFF_MILESTONE) != null);
        Task signOff = task(businessKey, USER_SIGN_OFF_MILESTONE);
        assertThat(taskService.getVariable(signOff.getId(), EVIDENCE_URLS.name()))
                .isEqualTo("https://wiki.opensourceecology.org/wiki/Cusco_taller");
        assertThat(taskService.getVariable(signOff.getId(), "hoursSpent")).isEqualTo(4);
    }

    @Test
    void mentorReturnsAMilestoneWithACommentTheTraineeSeesThenSignsItOff() throws Exception {
        String trainee = user("rtrn", Roles.TRAINEES);
        String mentor = user("rmnt", Roles.MENTORS);
        String businessKey = appliedAndAccepted(trainee, mentor);
        taskService.complete(
                task(businessKey, USER_COMPLETE_MILESTONE).getId(),
                EVIDENCE_URLS.with("https://wiki.opensourceecology.org/wiki/First_try"));

        browser.logIn(mentor, password(mentor));
        browser.openTask(task(businessKey, USER_SIGN_OFF_MILESTONE).getId());
        browser.waiting()
                .until(d -> browser.field("Evidence submitted")
                        .getAttribute("value")
                        .contains("First_try"));
        browser.choose("Return to the trainee");
        browser.type("Comment for the trainee", "Please add a photo of the fire extinguisher.");
        browser.pressButton("Complete");
        browser.waiting().until(d -> task(businessKey, USER_SIGN_OFF_MILESTONE) == null);
        executeJobs();

        Task again = task(businessKey, USER_COMPLETE_MILESTONE);
        browser.logIn(trainee, password(trainee));
        browser.openTask(again.getId());
        browser.waiting()
                .until(d -> browser.field("Your mentor's comment")
                        .getAttribute("value")
                        .equals("Please add a photo of the fire extinguisher."));
        browser.type("Links to your evidence", "https://wiki.opensourceecology.org/wiki/Second_try");
        browser.pressButton("Complete");
        browser.waiting().until(d -> task(businessKey, USER_SIGN_OFF_MILESTONE) != null);

        browser.logIn(mentor, password(mentor));
        browser.openTask(task(businessKey, USER_SIGN_OFF_MILESTONE).getId());
        browser.choose("Approve: the milestone is done");
        browser.pressButton("Complete");
        browser.waiting().until(d -> task(businessKey, USER_SIGN_OFF_MILESTONE) == null);
        executeJobs();

        assertThat(task(businessKey, USER_COMPLETE_MILESTONE).getName())
                .isEqualTo("Complete milestone: Fabricate the frame and compression chamber (ceb-press)");
    }

    @Test
    void certifierIssuesACertificateThatAVisitorVerifies() throws Exception {
        String producer = producerWithAVerifiedRun();
        String businessKey = certifications.apply(producer, "ceb-press", "Built presses since 2019.");
        String instanceId = runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult()
                .getId();
        Task review = taskService
                .createTaskQuery()
                .processInstanceId(instanceId)
                .taskDefinitionKey(CertificationProcess.USER_REVIEW_CERTIFICATION)
                .singleResult();

        browser.logIn("certifier", "certifier");
        browser.open("/camunda/app/tasklist/default/#/?task=" + review.getId());
        browser.pressButton("Claim");
        browser.choose("Certify");
        browser.type("Comment to the applicant", "Three presses built and checked.");
        browser.pressButton("Complete");
        browser.waiting()
                .until(d -> managementService
                                .createJobQuery()
                                .processInstanceId(instanceId)
                                .activityId(CertificationProcess.SERVICE_ISSUE_CERTIFICATE)
                                .count()
                        == 1);
        executeJobs();
        String certificateId = (String) runtimeService.getVariable(instanceId, "certificateId");
        assertThat(certificateId).isNotBlank();

        browser.logOut();
        browser.open("/certificates/" + certificateId);
        browser.visible(By.cssSelector("[data-status='VALID']"));
        assertThat(browser.driver().getPageSource()).contains("Ada Builder", "Compressed Earth Brick Press");
        browser.screenshot("certificate");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private long shownDownloadCount() {
        String meta = browser.visible(By.cssSelector("main p.meta")).getText();
        Matcher m = Pattern.compile("(\\d[\\d,]*) downloads?").matcher(meta);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }

    /** A trainee's application as Tasklist's start form submits it, accepted by the mentor. */
    private String appliedAndAccepted(String trainee, String mentor) {
        var variables = Variables.createVariables();
        JourneyProcess.ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        JourneyProcess.MOTIVATION.putIn(variables, "I want to build houses from local soil in my town.");
        JourneyProcess.CITY.putIn(variables, "Accra");
        JourneyProcess.COUNTRY.putIn(variables, "Ghana");
        identityService.setAuthentication(trainee, List.of(Roles.TRAINEES));
        String instanceId;
        try {
            instanceId = runtimeService
                    .startProcessInstanceByKey(JourneyProcess.KEY, variables)
                    .getId();
        } finally {
            identityService.clearAuthentication();
        }
        String businessKey = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getBusinessKey();
        taskService.complete(
                task(businessKey, USER_REVIEW_APPLICATION).getId(),
                MENTOR_OVERRIDE.putIn(REVIEW_DECISION.with(ACCEPT), mentor));
        return businessKey;
    }

    private Task task(String businessKey, String taskDefinitionKey) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    /** Runs the pending asynchronous continuations (the job executor is off in integration tests). */
    private void executeJobs() {
        List<org.camunda.bpm.engine.runtime.Job> jobs;
        while (!(jobs = managementService
                        .createJobQuery()
                        .messages()
                        .executable()
                        .list())
                .isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private String producerWithAVerifiedRun() {
        String producer = user("bprd", Roles.TRAINEES);
        var user = identityService.createUserQuery().userId(producer).singleResult();
        user.setFirstName("Ada");
        user.setLastName("Builder");
        identityService.saveUser(user);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into production_run (producer_id, enterprise_slug, mentor_id, planned_units, status, units_built,
                    unit_cost, unit_price, units_sold, currency, documentation_url, qc_pass_rate, created_at, recorded_at,
                    verified_at, verified_by)
                values (?, 'ceb-press', 'mentor', 3, 'VERIFIED', 3, 3000, 4500, 2, 'EUR',
                    'https://wiki.opensourceecology.org/wiki/CEB_build', 1.0, ?, ?, ?, 'mentor')""", producer, now, now, now);
        Long runId = jdbc.queryForObject("select id from production_run where producer_id = ?", Long.class, producer);
        for (int i = 1; i <= 3; i++) {
            jdbc.update(
                    "insert into production_unit (run_id, serial_number) values (?, ?)",
                    runId,
                    "CEB-" + producer + "-" + i);
            jdbc.update(
                    "insert into qc_check (unit_id, criterion, passed, measurement) select id, 'Frame squareness',"
                            + " true, '2 mm' from production_unit where run_id = ? and serial_number = ?",
                    runId,
                    "CEB-" + producer + "-" + i);
        }
        return producer;
    }

    private String user(String prefix, String group) {
        return TestUsers.create(identityService, prefix, group, "browser.example");
    }

    private static String password(String userId) {
        return TestUsers.password(userId);
    }

    private static String suffix() {
        return TestUsers.uniqueSuffix();
    }
}
