package org.opensourceecology.incubator.process.internal;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Task names and descriptions carry the context of the step (milestone, trainee, enterprise…) through
 * expressions over data people typed, so they can come out longer than Camunda's columns
 * ({@code ACT_RU_TASK.NAME_} 255 characters, {@code DESCRIPTION_} 4000), which would make the task, and
 * the step before it, fail. Every user task's name and description expression is wrapped so that a
 * longer text is shortened, ending with an ellipsis.
 */
@Component
class TaskTextLimits extends AbstractProcessEnginePlugin {

    static final int NAME_LENGTH = 255;
    static final int DESCRIPTION_LENGTH = 4000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    TaskDefinition definition = userTask.getTaskDefinition();
                    definition.setNameExpression(limited(definition.getNameExpression(), NAME_LENGTH));
                    definition.setDescriptionExpression(
                            limited(definition.getDescriptionExpression(), DESCRIPTION_LENGTH));
                }
            }
        });
    }

    static Expression limited(Expression expression, int length) {
        return expression == null || expression instanceof Limited ? expression : new Limited(expression, length);
    }

    /** The text, or its beginning and an ellipsis when it is longer than {@code length} characters. */
    static String shorten(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = length - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

    /** An expression whose text value is never longer than the column it is stored in. */
    record Limited(Expression expression, int length) implements Expression {

        @Override
        public Object getValue(VariableScope variableScope) {
            Object value = expression.getValue(variableScope);
            return value instanceof String text ? shorten(text, length) : value;
        }

        @Override
        public void setValue(Object value, VariableScope variableScope) {
            expression.setValue(value, variableScope);
        }

        @Override
        public String getExpressionText() {
            return expression.getExpressionText();
        }

        @Override
        public boolean isLiteralText() {
            return expression.isLiteralText();
        }
    }
}
