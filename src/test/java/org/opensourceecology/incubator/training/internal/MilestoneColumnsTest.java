package org.opensourceecology.incubator.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensourceecology.incubator.support.ProcessTestEngine;

/**
 * {@link ShowMilestone} and {@link LetAssigneeReadTraining} on a milestone loop shaped like
 * immersion-training's (a sequential multi-instance sub-process whose milestone variables are local,
 * and a return back to the trainee's task), on the process tests' engine at history level FULL: what
 * they write, and that a task after a return writes nothing.
 */
class MilestoneColumnsTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(
                    ProcessTestEngine.CONFIGURATION)
            .build();

    static final Instant FIRST_DUE = Instant.parse("2027-03-01T12:00:00Z");

    ProcessEngine processEngine;
    String deploymentId;
    boolean returned;

    @BeforeEach
    void deploy() {
        var access = new TrainingAccess(processEngine.getAuthorizationService());
        Mocks.register("showMilestone", new ShowMilestone(access));
        Mocks.register("letAssigneeReadTraining", new LetAssigneeReadTraining(access));
        Mocks.register("openMilestone", (ExecutionListener) execution -> {
            int index = LOOP_COUNTER.get(execution);
            MILESTONE_TITLE.setLocal(execution, "Milestone " + (index + 1));
            MILESTONE_DUE_DATE.setLocal(execution, FIRST_DUE.plus(index * 14L, ChronoUnit.DAYS));
        });
        Mocks.register("decide", (TaskListener) task -> task.setVariable("returned", returned));
        deploymentId = processEngine
                .getRepositoryService()
                .createDeployment()
                .addModelInstance("milestones.bpmn", milestoneLoop())
                .deploy()
                .getId();
    }

    @AfterEach
    void undeploy() {
        processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
        Mocks.reset();
    }

    @Test
    void theInstanceShowsTheCurrentMilestoneWrittenOncePerMilestone() {
        String instance = start();

        Task first = work(instance);
        assertThat(processEngine.getRuntimeService().getVariablesLocal(instance))
                .containsEntry(MILESTONE_TITLE.name(), "Milestone 1")
                .containsEntry(MILESTONE_DUE_DATE.name(), Date.from(FIRST_DUE));
        assertThat(processEngine.getTaskService().getVariablesLocal(first.getId()))
                .as("no copy on the task")
                .isEmpty();
        assertThat(instanceUpdates(instance, MILESTONE_TITLE.name())).containsExactly("Milestone 1");
        assertThat(readGrants(instance))
                .as("those who work the tasks may read the columns")
                .containsExactlyInAnyOrder("trainee", "mentor");

        returned = true;
        processEngine.getTaskService().complete(first.getId());
        Task again = work(instance);
        assertThat(again.getId()).isNotEqualTo(first.getId());
        assertThat(instanceUpdates(instance, MILESTONE_TITLE.name()))
                .as("the task after a return, of the same milestone, writes nothing")
                .containsExactly("Milestone 1");
        assertThat(instanceUpdates(instance, MILESTONE_DUE_DATE.name())).hasSize(1);
        assertThat(readGrants(instance)).containsExactlyInAnyOrder("trainee", "mentor");

        returned = false;
        processEngine.getTaskService().complete(again.getId());
        work(instance);
        assertThat(instanceUpdates(instance, MILESTONE_TITLE.name())).containsExactly("Milestone 1", "Milestone 2");
        assertThat(processEngine.getRuntimeService().getVariableLocal(instance, MILESTONE_DUE_DATE.name()))
                .isEqualTo(Date.from(FIRST_DUE.plus(14, ChronoUnit.DAYS)));
    }

    @Test
    void anInstanceAtAMilestoneBeforeTheColumnsGetsThemAndItsReadersWithItsNextTask() {
        String instance = start();
        Task first = work(instance);
        // as an instance left it when its milestone's tasks carried the columns themselves
        var runtime = processEngine.getRuntimeService();
        runtime.removeVariablesLocal(instance, List.of(MILESTONE_TITLE.name(), MILESTONE_DUE_DATE.name()));
        processEngine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(instance)
                .list()
                .forEach(grant -> processEngine.getAuthorizationService().deleteAuthorization(grant.getId()));

        returned = true;
        processEngine.getTaskService().complete(first.getId());

        assertThat(runtime.getVariablesLocal(instance))
                .containsEntry(MILESTONE_TITLE.name(), "Milestone 1")
                .containsKey(MILESTONE_DUE_DATE.name());
        assertThat(readGrants(instance)).containsExactlyInAnyOrder("trainee", "mentor");
    }

    @Test
    void anAssigneeOtherThanTheTraineeAndTheMentorIsLetIn() {
        String instance = start();
        Task task = work(instance);
        assertThat(task.getAssignee()).isEqualTo("trainee");

        processEngine.getTaskService().setAssignee(task.getId(), "mentor");
        assertThat(readGrants(instance)).containsExactlyInAnyOrder("trainee", "mentor");

        processEngine.getTaskService().setAssignee(task.getId(), "stand-in");
        processEngine.getTaskService().setAssignee(task.getId(), "trainee");
        processEngine.getTaskService().setAssignee(task.getId(), "stand-in");
        assertThat(readGrants(instance)).containsExactlyInAnyOrder("trainee", "mentor", "stand-in");
    }

    @Test
    void letReadGrantsOnceAndAddsReadToAnExistingGrant() {
        String instance = "an-instance-without-grants";
        var access = new TrainingAccess(processEngine.getAuthorizationService());
        var authorizations = processEngine.getAuthorizationService();
        var update = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        update.setUserId("mentor");
        update.setResource(Resources.PROCESS_INSTANCE);
        update.setResourceId(instance);
        update.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(update);

        access.letRead(instance, "trainee");
        access.letRead(instance, "trainee");
        access.letRead(instance, "mentor");
        access.letRead(instance, null);

        assertThat(readGrants(instance)).containsExactlyInAnyOrder("trainee", "mentor");
        assertThat(authorizations
                        .createAuthorizationQuery()
                        .resourceType(Resources.PROCESS_INSTANCE)
                        .resourceId(instance)
                        .count())
                .as("the mentor's grant got READ added, no second row")
                .isEqualTo(2);
        assertThat(authorizations
                        .createAuthorizationQuery()
                        .userIdIn("mentor")
                        .resourceType(Resources.PROCESS_INSTANCE)
                        .resourceId(instance)
                        .singleResult()
                        .isPermissionGranted(Permissions.UPDATE))
                .isTrue();
    }

    private String start() {
        return processEngine
                .getRuntimeService()
                .startProcessInstanceByKey(
                        "milestones",
                        Variables.putValue(TRAINEE_ID.name(), "trainee")
                                .putValue(MENTOR_ID.name(), "mentor")
                                .putValue("milestoneCount", 2))
                .getId();
    }

    private Task work(String instance) {
        return processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult();
    }

    /** The values written to a variable of the process instance itself, in order (history's detail rows). */
    private List<Object> instanceUpdates(String instance, String name) {
        return processEngine
                .getHistoryService()
                .createHistoricDetailQuery()
                .processInstanceId(instance)
                .variableUpdates()
                .orderPartiallyByOccurrence()
                .asc()
                .list()
                .stream()
                .map(detail -> (HistoricVariableUpdate) detail)
                .filter(update -> update.getVariableName().equals(name))
                .filter(update -> instance.equals(update.getExecutionId()))
                .map(update -> update.getValue())
                .toList();
    }

    private List<String> readGrants(String instance) {
        return processEngine
                .getAuthorizationService()
                .createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(instance)
                .hasPermission(Permissions.READ)
                .list()
                .stream()
                .map(authorization -> authorization.getUserId())
                .toList();
    }

    private static BpmnModelInstance milestoneLoop() {
        var milestone = (SubProcessBuilder) Bpmn.createExecutableProcess("milestones")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .subProcess("milestone")
                .multiInstance()
                .sequential()
                .cardinality("${milestoneCount}")
                .multiInstanceDone();
        return milestone
                .embeddedSubProcess()
                .startEvent()
                .camundaExecutionListenerDelegateExpression("end", "${openMilestone}")
                .exclusiveGateway("join")
                .userTask("work")
                .camundaAssignee("${traineeId}")
                .camundaTaskListenerDelegateExpression("create", "${showMilestone}")
                .camundaTaskListenerDelegateExpression("assignment", "${letAssigneeReadTraining}")
                .camundaTaskListenerDelegateExpression("complete", "${decide}")
                .boundaryEvent("overrun")
                .cancelActivity(false)
                .timerWithDuration("P14D")
                .endEvent()
                .moveToActivity("work")
                .exclusiveGateway("decision")
                .condition("returned", "${returned}")
                .connectTo("join")
                .moveToNode("decision")
                .condition("approved", "${!returned}")
                .endEvent()
                .subProcessDone()
                .endEvent()
                .done();
    }
}
