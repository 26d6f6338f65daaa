package org.opensourceecology.incubator.process.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.opensourceecology.incubator.process.ProcessVariable;
import org.opensourceecology.incubator.process.TranslatedTaskTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * User task names and descriptions in Spanish and French. The BPMN's own name and documentation stay
 * the English text (what admins edit in Modeler, what Camunda stores as the task's name); the
 * {@code messages/processes} bundle holds, per task, the same text in each language as an expression over
 * the same variables ({@code <process key>.<task id>.name} and {@code .description}). When a task is
 * created, a built-in listener (it runs before the diagram's own listeners, with the variables the
 * English name was computed from) renders them into a task-local variable ({@link TranslatedTaskTexts}),
 * which Tasklist then shows to people who speak that language ({@link EngineApiTranslationFilter}).
 *
 * <p>A task whose English name or description differs from the bundle's English (changed in Modeler
 * since it was translated) keeps English for that text until its translation is updated.
 */
@Component
class TaskTextTranslations extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TaskTextTranslations.class);

    static final String BUNDLE = "processes";

    private final TranslationBundle bundle;

    TaskTextTranslations() {
        this(TranslationBundle.load(BUNDLE));
    }

    TaskTextTranslations(TranslationBundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        UserTaskParsing.onEveryUserTask(configuration, (activity, userTask) -> {
            if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity process) {
                var listener =
                        listener(configuration, process.getKey(), activity.getId(), userTask.getTaskDefinition());
                if (listener != null) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
                }
            }
        });
    }

    /** The listener that renders this task's translations, or null when the bundle has none that fit. */
    private RenderTranslations listener(
            ProcessEngineConfigurationImpl configuration, String processKey, String taskId, TaskDefinition task) {
        var renderings = new ArrayList<Rendering>();
        String key = processKey + "." + taskId + ".";
        for (TranslatedTaskTexts texts : TranslatedTaskTexts.ALL) {
            Expression name = translated(configuration, key + "name", task.getNameExpression(), texts);
            Expression description =
                    translated(configuration, key + "description", task.getDescriptionExpression(), texts);
            if (name != null || description != null) {
                renderings.add(new Rendering(texts, name, description));
            }
        }
        return renderings.isEmpty() ? null : new RenderTranslations(key, List.copyOf(renderings));
    }

    private Expression translated(
            ProcessEngineConfigurationImpl configuration, String key, Expression english, TranslatedTaskTexts texts) {
        if (english == null) {
            return null;
        }
        if (bundle.english(key)
                .filter(held -> !TranslationBundle.sameText(held, english.getExpressionText()))
                .isPresent()) {
            log.info(
                    "{} changed since it was translated: it stays English in {} until messages/{} is updated",
                    key,
                    texts.language().getDisplayLanguage(Locale.ENGLISH),
                    BUNDLE);
            return null;
        }
        return bundle.translate(key, english.getExpressionText(), texts.language())
                .map(pattern ->
                        (Expression) configuration.getExpressionManager().createExpression(pattern))
                .orElse(null);
    }

    /** A language's name and description expressions for one task (either may be null: not translated). */
    record Rendering(TranslatedTaskTexts texts, Expression name, Expression description) {}

    /**
     * Renders every language's texts of the task into its one local variable {@link TranslatedTaskTexts#TEXTS},
     * names shortened to Camunda's limit, descriptions to what leaves the whole within a string variable.
     */
    record RenderTranslations(String key, List<Rendering> renderings) implements TaskListener {

        @Override
        public void notify(DelegateTask task) {
            // The English name and description are computed from the execution's variables: so are these.
            VariableScope scope = task.getExecution() == null ? task : task.getExecution();
            var names = new LinkedHashMap<String, String>();
            var descriptions = new LinkedHashMap<String, String>();
            for (Rendering rendering : renderings) {
                render(task, scope, rendering.name(), rendering.texts().name(), names);
                render(task, scope, rendering.description(), rendering.texts().description(), descriptions);
            }
            String texts = TaskTextLimits.fit(names, descriptions);
            if (texts != null) {
                TranslatedTaskTexts.TEXTS.setLocal(task, texts);
            }
        }

        private void render(
                DelegateTask task,
                VariableScope scope,
                Expression expression,
                ProcessVariable<String> variable,
                Map<String, String> into) {
            if (expression == null) {
                return;
            }
            try {
                Object value = expression.getValue(scope);
                if (value != null) {
                    into.put(variable.name(), String.valueOf(value));
                }
            } catch (RuntimeException e) {
                // A translation must never stop the work: the task keeps its English text for this language.
                log.warn(
                        "Task {} ({}): {} stays in English: {}", task.getId(), key, variable.name(), e.getMessage(), e);
            }
        }
    }
}
