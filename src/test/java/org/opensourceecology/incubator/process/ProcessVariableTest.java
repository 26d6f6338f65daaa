package org.opensourceecology.incubator.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensourceecology.incubator.support.ProcessTestEngine;

/** What {@link ProcessVariable} writes to Camunda, on the process tests' engine (history FULL). */
class ProcessVariableTest {

    /** The process tests' engine; its configuration needs the coverage extension (nothing asserted here). */
    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(
                    ProcessTestEngine.CONFIGURATION)
            .build();

    static final ProcessVariable<String> DECISION = ProcessVariable.string("decision");
    static final ProcessVariable<String> COMMENT = ProcessVariable.string("comment");

    ProcessEngine processEngine;
    String deploymentId;

    @BeforeEach
    void deploy() {
        deploymentId = processEngine
                .getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "wait.bpmn",
                        Bpmn.createExecutableProcess("wait")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("work")
                                .endEvent()
                                .done())
                .deploy()
                .getId();
    }

    @AfterEach
    void undeploy() {
        processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    @Test
    void clearWritesOnlyWhereThereIsAValue() {
        String instance = processEngine
                .getRuntimeService()
                .startProcessInstanceByKey(
                        "wait", Variables.putValue("decision", "return").putValue("comment", null))
                .getId();

        inCommand(instance, execution -> {
            DECISION.clear(execution);
            COMMENT.clear(execution);
            // absent: stays absent
            ProcessVariable.string("notThere").clear(execution);
        });

        var runtime = processEngine.getRuntimeService();
        assertThat(runtime.getVariables(instance)).containsOnlyKeys("decision", "comment");
        assertThat(runtime.getVariable(instance, "decision")).isNull();
        assertThat(runtime.getVariable(instance, "comment")).isNull();
        assertThat(updates(instance, "decision")).containsExactly("return", null);
        assertThat(updates(instance, "comment"))
                .as("null over null is not written")
                .containsExactly((Object) null);
    }

    private void inCommand(String executionId, Consumer<ExecutionEntity> work) {
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired()
                .execute(context -> {
                    work.accept(context.getExecutionManager().findExecutionById(executionId));
                    return null;
                });
    }

    /** The values written to a variable, in order (history's detail rows). */
    private List<Object> updates(String instance, String name) {
        return processEngine
                .getHistoryService()
                .createHistoricDetailQuery()
                .processInstanceId(instance)
                .variableUpdates()
                .orderPartiallyByOccurrence()
                .asc()
                .list()
                .stream()
                .map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getVariableName().equals(name))
                .map(HistoricVariableUpdate::getValue)
                .toList();
    }
}
