package org.opensourceecology.incubator.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;
import static org.opensourceecology.incubator.training.internal.EarlierTrainingVersions.MILESTONE_APPROVED;
import static org.opensourceecology.incubator.training.internal.EarlierTrainingVersions.SIGN_OFF_DUE_DATE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensourceecology.incubator.support.ProcessTestEngine;

/**
 * The real {@link RecordSubmission} and {@link RecordSignOff} (with {@link Training} mocked) on the current
 * {@code immersion-training} and on the last version that read {@code signOffDueDate} and
 * {@code milestoneApproved} (kept in {@code src/test/resources/earlier-diagrams}, as deployed up to
 * 2026-11-24): a milestone returned once and then signed off, on the process tests' engine at history FULL.
 */
class EarlierTrainingVersionsTest {

    static final String CURRENT = "processes/immersion-training.bpmn";
    static final String EARLIER = "earlier-diagrams/immersion-training-2026-11-24.bpmn";
    static final Instant SUBMITTED = Instant.parse("2027-02-01T09:00:00Z");
    static final Instant EARLIER_DUE = Instant.parse("2027-02-03T17:00:00Z");

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(
                    ProcessTestEngine.CONFIGURATION)
            .build();

    ProcessEngine processEngine;
    Training training = mock(Training.class);
    String deploymentId;

    @Test
    void theCurrentVersionReadsNeitherVariableAndTheEarlierOneBoth() {
        assertThat(EarlierTrainingVersions.read(model(CURRENT)))
                .isEqualTo(new EarlierTrainingVersions.Reads(false, false));
        assertThat(EarlierTrainingVersions.read(model(EARLIER)))
                .isEqualTo(new EarlierTrainingVersions.Reads(true, true));
    }

    @Test
    void theCurrentVersionRunsAReturnAndASignOffWithoutTheVariables() {
        String instance = runReturnThenSignOff(CURRENT);

        // submissionId: the third variable of the earlier versions, which none reads any more
        assertThat(variablesEverSet(instance))
                .doesNotContain(SIGN_OFF_DUE_DATE.name(), MILESTONE_APPROVED.name(), "submissionId");
        assertThat(resourceOf(instance)).isEqualTo(CURRENT);
    }

    @Test
    void anInstanceOfTheEarlierVersionStillGetsItsDueDateAndDecision() {
        when(training.signOffDue()).thenReturn(EARLIER_DUE);

        String instance = runReturnThenSignOff(EARLIER);

        assertThat(variablesEverSet(instance)).contains(SIGN_OFF_DUE_DATE.name(), MILESTONE_APPROVED.name());
        assertThat(resourceOf(instance)).isEqualTo(EARLIER);
    }

    /**
     * One milestone: submitted, returned with a comment, submitted again and signed off; checks each sign-off
     * task's due date, the decisions recorded and that the training completes.
     */
    private String runReturnThenSignOff(String resource) {
        deploymentId = processEngine
                .getRepositoryService()
                .createDeployment()
                .addClasspathResource(resource)
                .deploy()
                .getId();
        String definitionId = processEngine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .deploymentId(deploymentId)
                .singleResult()
                .getId();
        var start = APPLICATION_ID.with(42L);
        TRAINEE_ID.putIn(start, "trainee");
        ENTERPRISE_SLUG.putIn(start, "ceb-press");
        String instance = processEngine
                .getRuntimeService()
                .startProcessInstanceById(definitionId, "application-42", start)
                .getId();
        var tasks = processEngine.getTaskService();
        tasks.complete(task(instance).getId(), REVIEW_DECISION.with(ACCEPT));

        for (String decision : List.of(RETURN, APPROVE)) {
            ClockUtil.setCurrentTime(Date.from(SUBMITTED));
            tasks.complete(task(instance).getId(), EVIDENCE_URLS.with("https://wiki.example.org/build-log"));
            Task signOff = task(instance);
            assertThat(signOff.getTaskDefinitionKey()).isEqualTo(USER_SIGN_OFF_MILESTONE);
            assertThat(signOff.getDueDate())
                    .as("due when the mentor's reminder fires")
                    .isEqualTo(Date.from(
                            resource.equals(EARLIER)
                                    ? EARLIER_DUE
                                    : SUBMITTED.plus(TrainingSettings.defaults().mentorReminder())));
            ClockUtil.reset();
            tasks.complete(signOff.getId(), MENTOR_COMMENT.putIn(SIGN_OFF_DECISION.with(decision), "Add photos."));
            executeAsyncJobs();
            verify(training).recordSignOff(42L, 100L, decision.equals(APPROVE), "Add photos.", "mentor", "Welding");
        }

        assertThat(processEngine
                        .getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(instance)
                        .activityId(END_TRAINING_COMPLETED)
                        .count())
                .isEqualTo(1);
        assertThat(processEngine
                        .getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(instance)
                        .activityId(USER_SIGN_OFF_MILESTONE)
                        .count())
                .as("returned once, then signed off")
                .isEqualTo(2);
        verify(training, times(2)).recordSubmission(42L, 100L, "https://wiki.example.org/build-log", null, null);
        return instance;
    }

    @BeforeEach
    void registerDelegates() {
        var noop = new Noop();
        for (String diagram : List.of(EARLIER, CURRENT)) {
            beansCalledBy(diagram).forEach(bean -> Mocks.register(bean, noop));
        }
        var earlierVersions = new EarlierTrainingVersions();
        Mocks.register("recordSubmission", new RecordSubmission(training, earlierVersions));
        Mocks.register("recordSignOff", new RecordSignOff(training, earlierVersions));
        Mocks.register("trainingTimers", new TrainingTimers(TrainingSettings.defaults()));
        Mocks.register(
                "lookUpTraineeName", (ExecutionListener) execution -> TRAINEE_NAME.set(execution, "Tomasz Trainee"));
        Mocks.register("assignMentor", (JavaDelegate) execution -> MENTOR_ID.set(execution, "mentor"));
        Mocks.register("enrolInCohort", (JavaDelegate) execution -> MILESTONE_COUNT.set(execution, 1));
        Mocks.register("openMilestone", (JavaDelegate) execution -> {
            MILESTONE_ID.setLocal(execution, 100L);
            MILESTONE_TITLE.setLocal(execution, "Welding");
            MILESTONE_DUE_DATE.setLocal(execution, Instant.now().plus(14, ChronoUnit.DAYS));
            MILESTONE_EXPECTED_DURATION.setLocal(execution, "P14D");
            SIGN_OFF_DECISION.setLocal(execution, null);
            MENTOR_COMMENT.setLocal(execution, null);
        });
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        if (deploymentId != null) {
            processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    private Task task(String instance) {
        return processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult();
    }

    /** The diagram an instance ran on. */
    private String resourceOf(String instance) {
        String definitionId = processEngine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance)
                .singleResult()
                .getProcessDefinitionId();
        return processEngine
                .getRepositoryService()
                .getProcessDefinition(definitionId)
                .getResourceName();
    }

    private List<String> variablesEverSet(String instance) {
        return processEngine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .list()
                .stream()
                .map(HistoricVariableInstance::getName)
                .toList();
    }

    private void executeAsyncJobs() {
        ProcessTestEngine.executeAsyncContinuations(processEngine.getManagementService());
    }

    private static BpmnModelInstance model(String resource) {
        try (InputStream in = EarlierTrainingVersionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> beansCalledBy(String resource) {
        String xml = Bpmn.convertToString(model(resource));
        return Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"")
                .matcher(xml)
                .results()
                .map(match -> match.group(1))
                .distinct()
                .toList();
    }

    /** Every other delegate and listener of the diagrams: does nothing. */
    static final class Noop implements JavaDelegate, TaskListener, ExecutionListener {
        @Override
        public void execute(DelegateExecution execution) {}

        @Override
        public void notify(DelegateTask task) {}

        @Override
        public void notify(DelegateExecution execution) {}
    }
}
