package org.opensourceecology.incubator.process.internal;

import java.util.ArrayList;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** The engine plugins' way to change every user task as Camunda parses a diagram. */
final class UserTaskParsing {

    private UserTaskParsing() {}

    /** Runs {@code change} on every user task of every diagram the engine parses (call in preInit). */
    static void onEveryUserTask(
            ProcessEngineConfigurationImpl configuration, BiConsumer<ActivityImpl, UserTaskActivityBehavior> change) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    change.accept(activity, userTask);
                }
            }
        });
    }
}
