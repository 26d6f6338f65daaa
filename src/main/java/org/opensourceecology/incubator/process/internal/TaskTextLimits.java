package org.opensourceecology.incubator.process.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.opensourceecology.incubator.process.TranslatedTaskTexts;
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
        UserTaskParsing.onEveryUserTask(configuration, (activity, userTask) -> {
            TaskDefinition definition = userTask.getTaskDefinition();
            definition.setNameExpression(limited(definition.getNameExpression(), NAME_LENGTH));
            definition.setDescriptionExpression(limited(definition.getDescriptionExpression(), DESCRIPTION_LENGTH));
        });
    }

    static Expression limited(Expression expression, int length) {
        return expression == null || expression instanceof Limited ? expression : new Limited(expression, length);
    }

    /** What a string variable holds ({@code ACT_RU_VARIABLE.TEXT_}, and the history's copies of it). */
    static final int VARIABLE_LENGTH = 4000;

    private static final int MIN_DESCRIPTION_LENGTH = 16;

    /**
     * The translated names and descriptions as one value of {@link
     * org.opensourceecology.incubator.process.TranslatedTaskTexts#TEXTS}: names shortened as the English
     * name is, descriptions shortened evenly until the whole fits a string variable. @return null when
     * there is nothing to keep
     */
    static String fit(Map<String, String> names, Map<String, String> descriptions) {
        if (names.isEmpty() && descriptions.isEmpty()) {
            return null;
        }
        var texts = new LinkedHashMap<String, String>();
        names.forEach((key, name) -> texts.put(key, shorten(name, NAME_LENGTH)));
        int length = DESCRIPTION_LENGTH;
        while (true) {
            var all = new LinkedHashMap<>(texts);
            for (var description : descriptions.entrySet()) {
                all.put(description.getKey(), shorten(description.getValue(), length));
            }
            String json = TranslatedTaskTexts.encode(all);
            if (json.length() <= VARIABLE_LENGTH || descriptions.isEmpty()) {
                return json;
            }
            if (length <= MIN_DESCRIPTION_LENGTH) {
                // names of at most 255 characters always fit: the descriptions stay English
                return TranslatedTaskTexts.encode(texts);
            }
            int budget = (VARIABLE_LENGTH - TranslatedTaskTexts.encode(texts).length()) / descriptions.size();
            length = Math.max(MIN_DESCRIPTION_LENGTH, Math.min(length / 2, budget));
        }
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
