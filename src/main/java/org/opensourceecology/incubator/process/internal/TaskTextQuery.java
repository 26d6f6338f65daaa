package org.opensourceecology.incubator.process.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.opensourceecology.incubator.process.TranslatedTaskTexts;
import org.springframework.stereotype.Component;

/**
 * The translated names and descriptions of a page of tasks, in one query on {@code ACT_RU_VARIABLE}
 * (indexed by task id and name), and a task's English texts. Only for tasks the engine API has just
 * returned to the person, or that they are updating through it (which Camunda then authorizes), so the
 * queries themselves need no authorization check: trainees may see their tasks without any right to
 * read the variables of the process instance.
 */
@Component
class TaskTextQuery implements TaskTexts {

    /** Task ids per query: a Tasklist page has 15 to 50; API clients may ask for more at once. */
    static final int CHUNK = 500;

    private final ProcessEngine engine;

    TaskTextQuery(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public Map<String, Map<String, String>> find(List<String> taskIds, List<String> variableNames) {
        var found = new HashMap<String, Map<String, String>>();
        if (taskIds.isEmpty()) {
            return found;
        }
        var wanted = new HashSet<>(variableNames);
        var asked = new ArrayList<>(variableNames);
        asked.add(TranslatedTaskTexts.TEXTS.name());
        String[] names = asked.toArray(String[]::new);
        for (int from = 0; from < taskIds.size(); from += CHUNK) {
            String[] chunk = taskIds.subList(from, Math.min(taskIds.size(), from + CHUNK))
                    .toArray(String[]::new);
            List<VariableInstance> variables = withoutAuthorizationCheck(() -> engine.getRuntimeService()
                    .createVariableInstanceQuery()
                    .taskIdIn(chunk)
                    .variableNameIn(names)
                    .disableBinaryFetching()
                    .disableCustomObjectDeserialization()
                    .list());
            for (VariableInstance variable : variables) {
                if (variable.getName().equals(TranslatedTaskTexts.TEXTS.name())) {
                    TranslatedTaskTexts.decode(variable.getValue()).forEach((name, text) -> {
                        if (wanted.contains(name)) {
                            found.computeIfAbsent(variable.getTaskId(), id -> new HashMap<>())
                                    .put(name, text);
                        }
                    });
                } else if (variable.getValue() instanceof String text) {
                    // a task created before the texts were kept together
                    found.computeIfAbsent(variable.getTaskId(), id -> new HashMap<>())
                            .putIfAbsent(variable.getName(), text);
                }
            }
        }
        return found;
    }

    @Override
    public Optional<English> english(String taskId) {
        Task task = withoutAuthorizationCheck(
                () -> engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
        return Optional.ofNullable(task).map(t -> new English(t.getName(), t.getDescription()));
    }

    private <T> T withoutAuthorizationCheck(Supplier<T> query) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute((Command<T>) context -> {
            boolean checking = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                return query.get();
            } finally {
                context.setAuthorizationCheckEnabled(checking);
            }
        });
    }
}
