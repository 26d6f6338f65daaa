package org.opensourceecology.incubator.support;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Minimal stand-ins for called processes, so a parent process can be tested on its own: each waits
 * in one user task whose id is {@code stub_<key>} and then ends.
 */
public final class StubProcesses {

    private StubProcesses() {}

    public static BpmnModelInstance waitingInOneTask(String processKey) {
        return Bpmn.createExecutableProcess(processKey)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(taskId(processKey))
                .endEvent()
                .done();
    }

    /**
     * A stand-in that waits, then either throws the given escalation and waits again, or ends at
     * once, as the variable {@code stubEscalate} says.
     */
    public static BpmnModelInstance escalatingAfterOneTask(String processKey, String escalationCode) {
        return Bpmn.createExecutableProcess(processKey)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask(taskId(processKey))
                .exclusiveGateway("stub_gateway")
                .condition("escalate", "${stubEscalate}")
                .intermediateThrowEvent("stub_escalation")
                .escalation(escalationCode)
                .userTask(taskId(processKey) + "_after_escalation")
                .endEvent()
                .moveToLastGateway()
                .condition("end", "${!stubEscalate}")
                .endEvent()
                .done();
    }

    public static String taskId(String processKey) {
        return "stub_" + processKey.replace('-', '_');
    }
}
