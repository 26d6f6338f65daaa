package org.opensourceecology.incubator.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.process.TasklistFilterTexts;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.TestMail;
import org.opensourceecology.incubator.support.TestUsers;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.opensourceecology.incubator.training.TrainingStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Immersion training on the real application: authorizations on, mail through GreenMail, jobs (mail
 * steps, timers) driven through the ManagementService because the job executor is off here.
 */
@IntegrationTest
class TrainingIT {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ManagementService managementService;

    @Autowired
    FilterService filterService;

    @Autowired
    TasklistFilters tasklistFilters;

    @Autowired
    TrainingApplications applications;

    @Autowired
    MilestoneSubmissions submissions;

    @Autowired
    TrainingStatistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void clearAuthentication() {
        identityService.clearAuthentication();
    }

    @Test
    void traineeAppliesAndOnlyTheRightPeopleWorkTheTasks() throws Exception {
        String trainee = user("trn", Roles.TRAINEES);
        String otherTrainee = user("oth", Roles.TRAINEES);
        String mentor = user("mnt", Roles.MENTORS);
        String otherMentor = user("omn", Roles.MENTORS);

        var journey = as(
                trainee,
                Roles.TRAINEES,
                () -> runtimeService.startProcessInstanceByKey(
                        JourneyProcess.KEY,
                        application("ceb-press").putValue("downloadEmail", trainee + "@it.example")));

        long applicationId = (Long) runtimeService.getVariable(journey.getId(), JourneyProcess.APPLICATION_ID.name());
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(journey.getId())
                        .singleResult()
                        .getBusinessKey())
                .isEqualTo("application-" + applicationId);
        assertThat(applications.findById(applicationId).orElseThrow().getStatus())
                .isEqualTo(TrainingApplication.Status.SUBMITTED);

        Task review = taskService
                .createTaskQuery()
                .processInstanceBusinessKey("application-" + applicationId)
                .taskDefinitionKey(USER_REVIEW_APPLICATION)
                .singleResult();
        assertThat(taskService.getVariable(review.getId(), MOTIVATION.name()))
                .asString()
                .contains("local soil");
        // The mentors' task list says whose application it is, with the trainee's name from the directory.
        assertThat(review.getName())
                .isEqualTo("Review the training application of Given " + trainee + " for ceb-press");
        assertThat(taskService.getVariable(review.getId(), TRAINEE_NAME.name())).isEqualTo("Given " + trainee);
        assertThat(as(
                        trainee,
                        Roles.TRAINEES,
                        () -> taskService
                                .createTaskQuery()
                                .taskId(review.getId())
                                .count()))
                .isZero();
        assertForbidden(trainee, Roles.TRAINEES, review, REVIEW_DECISION.with(ACCEPT));
        asVoid(
                mentor,
                Roles.MENTORS,
                () -> taskService.complete(
                        review.getId(), MENTOR_OVERRIDE.putIn(REVIEW_DECISION.with(ACCEPT), mentor)));

        Task work = singleTask(applicationId, USER_COMPLETE_MILESTONE);
        assertThat(work.getAssignee()).isEqualTo(trainee);
        assertThat(work.getName()).isEqualTo("Complete milestone: Safety and shop orientation (ceb-press)");
        assertThat(work.getDueDate()).isAfter(Instant.now());
        assertThat(mailTo(trainee, "A task is waiting for you"))
                .contains("Complete milestone: Safety and shop orientation")
                .contains("/camunda/app/tasklist/default/#/?task=" + work.getId());
        assertThat(as(
                        trainee,
                        Roles.TRAINEES,
                        () -> taskService.createTaskQuery().taskId(work.getId()).count()))
                .isOne();
        assertThat(as(
                        otherTrainee,
                        Roles.TRAINEES,
                        () -> taskService.createTaskQuery().taskId(work.getId()).count()))
                .isZero();
        assertForbidden(otherTrainee, Roles.TRAINEES, work, EVIDENCE_URLS.with("https://example.org/not-mine"));
        asVoid(
                trainee,
                Roles.TRAINEES,
                () -> taskService.complete(
                        work.getId(), EVIDENCE_URLS.with("https://wiki.opensourceecology.org/wiki/My_shop")));

        Task signOff = singleTask(applicationId, USER_SIGN_OFF_MILESTONE);
        assertThat(signOff.getAssignee()).isEqualTo(mentor);
        assertThat(signOff.getName()).startsWith("Sign off milestone: Safety and shop orientation \u2014 ");
        assertForbidden(otherMentor, Roles.MENTORS, signOff, SIGN_OFF_DECISION.with(APPROVE));
        assertForbidden(trainee, Roles.TRAINEES, signOff, SIGN_OFF_DECISION.with(APPROVE));
        assertThatThrownBy(() -> asVoid(
                        mentor,
                        Roles.MENTORS,
                        () -> taskService.complete(signOff.getId(), SIGN_OFF_DECISION.with(RETURN))))
                .hasMessageContaining("what to improve");
        asVoid(
                mentor,
                Roles.MENTORS,
                () -> taskService.complete(
                        signOff.getId(),
                        MENTOR_COMMENT.putIn(
                                SIGN_OFF_DECISION.with(RETURN), "Please add a photo of the fire extinguisher.")));
        executeJobs();

        Task again = singleTask(applicationId, USER_COMPLETE_MILESTONE);
        assertThat(taskService.getVariable(again.getId(), MENTOR_COMMENT.name()))
                .isEqualTo("Please add a photo of the fire extinguisher.");
        assertThat(mailTo(trainee, "Your mentor returned a milestone"))
                .contains("fire extinguisher")
                .contains("/camunda/app/tasklist/default/#/?task=" + again.getId());
        awaitOutboxSentTo(trainee);
        assertThat(mailsTo(trainee, "A task is waiting for you"))
                .as("the returned milestone's task comes with the return's mail, not with a second one")
                .hasSize(1);

        // The pages
        var page = http.withBasicAuth(trainee, password(trainee)).getForEntity("/me/journey", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("Compressed Earth Brick Press")
                .contains("In training")
                .contains("0 of 4 signed off")
                .contains("Returned")
                .contains("Complete milestone: Safety and shop orientation")
                .contains("#/?task=" + again.getId());
        var trainees = http.withBasicAuth(mentor, password(mentor)).getForEntity("/mentor/trainees", String.class);
        assertThat(trainees.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(trainees.getBody()).contains("Given " + trainee).contains("Compressed Earth Brick Press");
        assertThat(http.withBasicAuth(trainee, password(trainee))
                        .getForEntity("/mentor/trainees", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // The same rules through /engine-rest, as Tasklist and scripts use it
        asVoid(
                trainee,
                Roles.TRAINEES,
                () -> taskService.complete(
                        again.getId(), EVIDENCE_URLS.with("https://wiki.opensourceecology.org/wiki/My_shop_2")));
        Task secondSignOff = singleTask(applicationId, USER_SIGN_OFF_MILESTONE);
        assertThat(submissions.findByApplicationIdInOrderBySubmittedAt(List.of(applicationId)))
                .as("the submission after the return is the milestone's second attempt")
                .extracting(MilestoneSubmission::getAttempt)
                .containsExactly(1, 2);
        assertThat(http.withBasicAuth(mentor, password(mentor))
                        .getForEntity("/mentor/trainees", String.class)
                        .getBody())
                .as("the mentor's page links the sign-off that waits for the mentor")
                .contains("#/?task=" + secondSignOff.getId());
        assertThat(http.withBasicAuth(trainee, password(trainee))
                        .getForEntity("/me/journey", String.class)
                        .getBody())
                .as("the trainee's page lists the trainee's own tasks only")
                .doesNotContain(secondSignOff.getId());
        String approve = "{\"variables\": {\"signOffDecision\": {\"value\": \"approve\"}}}";
        assertThat(restComplete(otherMentor, secondSignOff, approve)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(restComplete(trainee, secondSignOff, approve)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(restComplete(mentor, secondSignOff, approve)).isEqualTo(HttpStatus.NO_CONTENT);
        executeJobs();
        assertThat(mailTo(trainee, "Milestone signed off")).contains("Safety and shop orientation");
        assertThat(singleTask(applicationId, USER_COMPLETE_MILESTONE).getName())
                .isEqualTo("Complete milestone: Fabricate the frame and compression chamber (ceb-press)");
    }

    private HttpStatusCode restComplete(String userId, Task task, String json) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(userId, password(userId))
                .postForEntity(
                        "/engine-rest/task/" + task.getId() + "/complete",
                        new HttpEntity<>(json, headers),
                        String.class)
                .getStatusCode();
    }

    @Test
    void unknownEnterpriseIsRefusedAndNothingIsStored() {
        String trainee = user("unk", Roles.TRAINEES);

        assertThatThrownBy(() -> as(
                        trainee,
                        Roles.TRAINEES,
                        () -> runtimeService.startProcessInstanceByKey(
                                JourneyProcess.KEY, application("no-such-press"))))
                .hasMessageContaining("no published enterprise 'no-such-press'");
        assertThat(applications.findByTraineeIdOrderBySubmittedAtDesc(trainee)).isEmpty();
    }

    @Test
    void rejectionIsMailedWithTheReason() throws Exception {
        String trainee = user("rej", Roles.TRAINEES);
        var application = applications.save(new TrainingApplication(
                trainee, "ceb-press", "I like bricks very much indeed.", null, "Lyon", "France", Instant.now()));
        var training = startTraining(application, trainee, "ceb-press");
        Task review = taskService
                .createTaskQuery()
                .processInstanceId(training.getId())
                .singleResult();

        assertThatThrownBy(() -> taskService.complete(review.getId(), REVIEW_DECISION.with(REJECT)))
                .hasMessageContaining("reason");
        taskService.complete(
                review.getId(), REJECTION_REASON.putIn(REVIEW_DECISION.with(REJECT), "The next cohort is full."));
        executeJobs();

        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(TrainingApplication.Status.REJECTED);
        assertThat(mailTo(trainee, "Your application for immersion training")).contains("The next cohort is full.");
    }

    @Test
    void completedTrainingIsMailedAndCountedAndTimersMail() throws Exception {
        String slug = "it-" + suffix();
        long curriculumId = curriculum(slug);
        String trainee = user("cmp", Roles.TRAINEES);
        String mentor = user("mcp", Roles.MENTORS);
        jdbc.update(
                "insert into cohort (enterprise_slug, start_date, capacity, created_at) values (?, current_date, 5, current_timestamp)",
                slug);
        jdbc.update(
                "insert into cohort_mentor (cohort_id, mentor_id) select id, ? from cohort where enterprise_slug = ?",
                mentor,
                slug);
        long completedBefore = statistics.countTrainingCompleted();
        var application = applications.save(new TrainingApplication(
                trainee, slug, "I want to print printers.", "Makerspace", "Kigali", "Rwanda", Instant.now()));
        var training = startTraining(application, trainee, slug);

        taskService.complete(
                taskService
                        .createTaskQuery()
                        .processInstanceId(training.getId())
                        .singleResult()
                        .getId(),
                REVIEW_DECISION.with(ACCEPT));
        var stored = applications.findById(application.getId()).orElseThrow();
        assertThat(stored.getMentorId()).as("least-loaded mentor of the cohort").isEqualTo(mentor);
        assertThat(stored.getCurriculumId()).isEqualTo(curriculumId);

        executeTimer(training, TIMER_MILESTONE_OVERRUN);
        assertThat(mailTo(trainee, "taking longer than expected")).contains("Print the frame");

        Task work = taskService
                .createTaskQuery()
                .processInstanceId(training.getId())
                .singleResult();
        taskService.complete(work.getId(), EVIDENCE_URLS.with("https://example.org/frame"));
        executeTimer(training, TIMER_MENTOR_REMINDER);
        assertThat(mailTo(mentor, "waiting for your sign-off")).contains("Print the frame");
        executeTimer(training, TIMER_ADMIN_ESCALATION);
        assertThat(mailTo("admin", "sign-off is overdue")).contains(mentor);

        Task signOff = taskService
                .createTaskQuery()
                .processInstanceId(training.getId())
                .taskDefinitionKey(USER_SIGN_OFF_MILESTONE)
                .singleResult();
        taskService.complete(signOff.getId(), SIGN_OFF_DECISION.with(APPROVE));
        executeJobs();

        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceId(training.getId())
                        .count())
                .isZero();
        assertThat(applications.findById(application.getId()).orElseThrow().getStatus())
                .isEqualTo(TrainingApplication.Status.COMPLETED);
        assertThat(mailTo(trainee, "Milestone signed off")).contains("Print the frame");
        assertThat(mailTo(trainee, "Immersion training completed")).contains(slug);
        assertThat(statistics.countTrainingCompleted()).isEqualTo(completedBefore + 1);
        assertThat(statistics.applicationsByMonth().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(statistics.countApplications());
    }

    @Test
    void mentorPageListsTheLongestWaitingApplicationsWithTheirReviewTasks() {
        String mentor = user("mrv", Roles.MENTORS);
        for (int i = 0; i <= TrainingViews.REVIEW_PAGE; i++) {
            String trainee = user("rv" + i, Roles.TRAINEES);
            var application = applications.save(new TrainingApplication(
                    trainee, "ceb-press", "I want to press bricks.", null, "Quito", "Ecuador", Instant.now()));
            startTraining(application, trainee, "ceb-press");
        }
        long waiting = applications.countByStatus(TrainingApplication.Status.SUBMITTED);
        var oldest = applications.findByStatusOrderBySubmittedAt(
                TrainingApplication.Status.SUBMITTED,
                org.springframework.data.domain.Limit.of(TrainingViews.REVIEW_PAGE));

        var page = http.withBasicAuth(mentor, password(mentor)).getForEntity("/mentor/trainees", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String table = page.getBody().substring(page.getBody().indexOf("class=\"applications\""));
        assertThat(table.split("<tr>", -1))
                .as("header row and one row per listed application")
                .hasSize(2 + TrainingViews.REVIEW_PAGE);
        assertThat(page.getBody())
                .contains("These are the " + TrainingViews.REVIEW_PAGE + " longest-waiting of " + waiting
                        + " applications");
        for (var application : oldest) {
            Task review = taskService
                    .createTaskQuery()
                    .processInstanceBusinessKey("application-" + application.getId())
                    .taskDefinitionKey(USER_REVIEW_APPLICATION)
                    .singleResult();
            if (review != null) {
                assertThat(table).contains("#/?task=" + review.getId());
            }
        }
    }

    @Test
    void tasklistFiltersAreReadableByTheirGroups() {
        String trainee = user("flt", Roles.TRAINEES);
        String mentor = user("flm", Roles.MENTORS);

        assertThat(as(
                        trainee,
                        Roles.TRAINEES,
                        () -> filterService
                                .createFilterQuery()
                                .filterName("My milestones")
                                .count()))
                .isOne();
        assertThat(as(
                        trainee,
                        Roles.TRAINEES,
                        () -> filterService
                                .createFilterQuery()
                                .filterName("Awaiting my sign-off")
                                .count()))
                .isZero();
        assertThat(as(
                        mentor,
                        Roles.MENTORS,
                        () -> filterService
                                .createFilterQuery()
                                .filterName("Applications to review")
                                .count()))
                .isOne();
    }

    @Test
    @SuppressWarnings("unchecked") // Camunda gives filter properties as a Map of plain JSON values
    void filtersMadeBeforeMessageKeysGetThemAndKeepAnAdminsChanges() {
        var filter = filterService
                .createFilterQuery()
                .filterName("Awaiting my sign-off")
                .singleResult();
        var original = new LinkedHashMap<String, Object>(filter.getProperties());
        var properties = new LinkedHashMap<String, Object>(original);
        properties.remove(TasklistFilterTexts.NAME_KEY);
        properties.put("priority", 42); // an admin moved it
        properties.put(
                "variables",
                List.of(
                        Map.of("name", TRAINEE_NAME.name(), "label", "Trainee"),
                        Map.of("name", MILESTONE_TITLE.name(), "label", "Step"))); // and renamed a label
        filterService.saveFilter(filter.setProperties(properties));
        try {
            tasklistFilters.createMissing();

            var upgraded = filterService.getFilter(filter.getId()).getProperties();
            assertThat(upgraded)
                    .containsEntry(TasklistFilterTexts.NAME_KEY, "filter.awaitingSignOff")
                    .containsEntry("priority", 42);
            assertThat((List<Object>) upgraded.get("variables"))
                    .containsExactly(
                            Map.of(
                                    "name",
                                    TRAINEE_NAME.name(),
                                    "label",
                                    "Trainee",
                                    TasklistFilterTexts.LABEL_KEY,
                                    "filter.variable.trainee"),
                            Map.of("name", MILESTONE_TITLE.name(), "label", "Step"));
        } finally {
            filterService.saveFilter(filterService.getFilter(filter.getId()).setProperties(original));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ProcessInstance startTraining(TrainingApplication application, String trainee, String slug) {
        var variables = APPLICATION_ID.with(application.getId());
        TRAINEE_ID.putIn(variables, trainee);
        ENTERPRISE_SLUG.putIn(variables, slug);
        return runtimeService.startProcessInstanceByKey(KEY, "application-" + application.getId(), variables);
    }

    private long curriculum(String slug) {
        jdbc.update(
                "insert into curriculum (enterprise_slug, version, created_at) values (?, 1, current_timestamp)", slug);
        Long id = jdbc.queryForObject("select id from curriculum where enterprise_slug = ?", Long.class, slug);
        jdbc.update(
                "insert into curriculum_milestone (curriculum_id, position, title, description, evidence_required,"
                        + " expected_days) values (?, 0, 'Print the frame', 'Print it.', 'Photos.', 3)",
                id);
        return id;
    }

    private static VariableMap application(String slug) {
        var variables = Variables.createVariables();
        JourneyProcess.ENTERPRISE_SLUG.putIn(variables, slug);
        JourneyProcess.MOTIVATION.putIn(variables, "I want to build houses from local soil in my town.");
        JourneyProcess.CITY.putIn(variables, "Accra");
        JourneyProcess.COUNTRY.putIn(variables, "Ghana");
        return variables;
    }

    private Task singleTask(long applicationId, String taskDefinitionKey) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey("application-" + applicationId)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    private void assertForbidden(String userId, String group, Task task, VariableMap variables) {
        assertThatThrownBy(() -> asVoid(userId, group, () -> taskService.complete(task.getId(), variables)))
                .isInstanceOf(AuthorizationException.class);
    }

    private <T> T as(String userId, String group, Supplier<T> action) {
        identityService.setAuthentication(userId, List.of(group));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void asVoid(String userId, String group, Runnable action) {
        as(userId, group, () -> {
            action.run();
            return null;
        });
    }

    private void executeTimer(ProcessInstance instance, String activityId) {
        var job = managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
        managementService.executeJob(job.getId());
        executeJobs();
    }

    /** Runs the pending asynchronous continuations (not timers) of the whole engine. */
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

    private String user(String prefix, String group) {
        return TestUsers.create(identityService, prefix, group, "it.example");
    }

    private static String password(String userId) {
        return TestUsers.password(userId);
    }

    private static String suffix() {
        return TestUsers.uniqueSuffix();
    }

    /** Waits until nothing is left in the outbox for the user, so that every mail queued so far arrived. */
    private void awaitOutboxSentTo(String userId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (jdbc.queryForObject(
                        "select count(*) from mail_outbox where recipient = ? and status <> 'SENT'",
                        Long.class,
                        addressOf(userId))
                > 0) {
            assertThat(Instant.now()).as("mail to " + userId + " still unsent").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** The bodies of the mails to a user whose subject contains the text, as delivered so far. */
    private static List<String> mailsTo(String userId, String subject) throws Exception {
        String address = addressOf(userId);
        var found = new ArrayList<String>();
        for (MimeMessage message : TestMail.server().getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients())
                            .anyMatch(a -> a.toString().contains(address))
                    && message.getSubject().contains(subject)) {
                found.add(String.valueOf(message.getContent()));
            }
        }
        return found;
    }

    /** The body of the first mail to a user whose subject contains the text, waiting for delivery. */
    private static String mailTo(String userId, String subject) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            var found = mailsTo(userId, subject);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No mail '" + subject + "' to " + addressOf(userId));
            }
            TestMail.server().waitForIncomingEmail(500, Integer.MAX_VALUE);
        }
    }

    private static String addressOf(String userId) {
        return userId.equals("admin") ? "admin@incubator.localhost" : userId + "@it.example";
    }
}
