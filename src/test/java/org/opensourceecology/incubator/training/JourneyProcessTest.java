package org.opensourceecology.incubator.training;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.opensourceecology.incubator.support.StubProcesses.escalatingAfterOneTask;
import static org.opensourceecology.incubator.support.StubProcesses.taskId;
import static org.opensourceecology.incubator.support.StubProcesses.waitingInOneTask;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensourceecology.incubator.support.ProcessTestEngine;

/** Every path of {@code distributive-enterprise-journey}, with the four stages stubbed. */
@Deployment(resources = "processes/distributive-enterprise-journey.bpmn")
class JourneyProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage();

    ProcessEngine processEngine;
    String stubDeployment;

    @BeforeEach
    void setUp() {
        init(processEngine);
        stubDeployment = processEngine
                .getRepositoryService()
                .createDeployment()
                .addModelInstance("immersion-training.bpmn", waitingInOneTask("immersion-training"))
                .addModelInstance("production-run.bpmn", waitingInOneTask("production-run"))
                .addModelInstance(
                        "certification.bpmn",
                        escalatingAfterOneTask("certification", JourneyProcess.ESCALATION_CERTIFICATE_ISSUED))
                .addModelInstance("replication.bpmn", waitingInOneTask("replication"))
                .deploy()
                .getId();
        Mocks.register("registerTrainingApplication", (JavaDelegate) execution -> {
            JourneyProcess.APPLICATION_ID.set(execution, 42L);
            execution.setProcessBusinessKey("application-42");
        });
    }

    @AfterEach
    void tearDown() {
        processEngine.getRepositoryService().deleteDeployment(stubDeployment, true);
        Mocks.reset();
    }

    ProcessInstance apply() {
        var variables = Variables.createVariables();
        JourneyProcess.ENTERPRISE_SLUG.putIn(variables, "ceb-press");
        JourneyProcess.MOTIVATION.putIn(variables, "I want to build houses from local soil in my town.");
        processEngine.getIdentityService().setAuthenticatedUserId("trainee");
        try {
            return processEngine.getRuntimeService().startProcessInstanceByKey(JourneyProcess.KEY, variables);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void applicationThatDoesNotCompleteTrainingEndsTheJourney() {
        var journey = apply();

        assertThat(journey).isWaitingAt(JourneyProcess.CALL_IMMERSION_TRAINING);
        assertThat(journey).variables().containsEntry("traineeId", "trainee").containsEntry("applicationId", 42L);
        assertThat(journey).hasBusinessKey("application-42");
        var training = calledProcess("immersion-training");
        assertThat(training)
                .variables()
                .containsEntry("traineeId", "trainee")
                .containsEntry("enterpriseSlug", "ceb-press");

        complete(task(taskId("immersion-training"), training), Map.of("trainingCompleted", false));

        assertThat(journey).hasPassed(JourneyProcess.END_TRAINING_NOT_COMPLETED).isEnded();
    }

    @Test
    void certifiedTraineeGoesOnToReplicate() {
        var journey = apply();
        completeTrainingAndProductionRun();

        var certification = calledProcess("certification");
        assertThat(certification)
                .variables()
                .containsEntry("applicantId", "trainee")
                .containsEntry("mentorId", "mentor")
                .containsEntry("trainingCompleted", true);
        complete(task(taskId("certification"), certification), Map.of("stubEscalate", true));

        assertThat(journey)
                .hasPassed(JourneyProcess.BOUNDARY_CERTIFICATE_ISSUED)
                .isWaitingAt(JourneyProcess.CALL_CERTIFICATION, JourneyProcess.CALL_REPLICATION);
        var replication = calledProcess("replication");
        assertThat(replication)
                .variables()
                .containsEntry("ownerId", "trainee")
                .containsEntry("enterpriseSlug", "ceb-press");

        complete(task(taskId("replication"), replication));
        complete(task(taskId("certification") + "_after_escalation", certification));

        assertThat(journey)
                .hasPassed(JourneyProcess.END_ENTERPRISE_CLOSED, JourneyProcess.END_CERTIFICATION_CLOSED)
                .isEnded();
    }

    @Test
    void journeyEndsWhenCertificationEndsWithoutACertificate() {
        var journey = apply();
        completeTrainingAndProductionRun();

        complete(task(taskId("certification"), calledProcess("certification")), Map.of("stubEscalate", false));

        assertThat(journey)
                .hasPassed(JourneyProcess.END_CERTIFICATION_CLOSED)
                .hasNotPassed(JourneyProcess.CALL_REPLICATION)
                .isEnded();
    }

    private void completeTrainingAndProductionRun() {
        complete(
                task(taskId("immersion-training"), calledProcess("immersion-training")),
                Map.of("trainingCompleted", true, "mentorId", "mentor"));
        var production = calledProcess("production-run");
        assertThat(production).variables().containsEntry("mentorId", "mentor").containsEntry("applicationId", 42L);
        complete(task(taskId("production-run"), production));
        org.assertj.core.api.Assertions.assertThat(
                        taskQuery().processDefinitionKey("production-run").count())
                .isZero();
    }

    private static ProcessInstance calledProcess(String key) {
        return processInstanceQuery().processDefinitionKey(key).singleResult();
    }
}
