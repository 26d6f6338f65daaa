package org.opensourceecology.incubator.process.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/**
 * The translated names and descriptions of a page of tasks, in one query on {@code ACT_RU_VARIABLE}
 * (indexed by task id and name). Only for tasks the engine API has just returned to the person, so
 * the query itself needs no authorization check: trainees may see their tasks without any right to read
 * the variables of the process instance.
 */
@Component
class TaskTextQuery {

    /** Task ids per query: a Tasklist page has 15 to 50; API clients may ask for more at once. */
    static final int CHUNK = 500;

    private final ProcessEngine engine;

    TaskTextQuery(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Task id to (variable name to text), for the given tasks and variables. */
    Map<String, Map<String, String>> find(List<String> taskIds, Collection<String> variableNames) {
        var found = new HashMap<String, Map<String, String>>();
        if (taskIds.isEmpty()) {
            return found;
        }
        String[] names = variableNames.toArray(String[]::new);
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        for (int from = 0; from < taskIds.size(); from += CHUNK) {
            String[] chunk = taskIds.subList(from, Math.min(taskIds.size(), from + CHUNK))
                    .toArray(String[]::new);
            List<VariableInstance> variables = configuration
                    .getCommandExecutorTxRequired()
                    .execute((Command<List<VariableInstance>>) context -> {
                        boolean checking = context.isAuthorizationCheckEnabled();
                        context.disableAuthorizationCheck();
                        try {
                            return engine.getRuntimeService()
                                    .createVariableInstanceQuery()
                                    .taskIdIn(chunk)
                                    .variableNameIn(names)
                                    .disableBinaryFetching()
                                    .disableCustomObjectDeserialization()
                                    .list();
                        } finally {
                            context.setAuthorizationCheckEnabled(checking);
                        }
                    });
            for (VariableInstance variable : variables) {
                if (variable.getValue() instanceof String text) {
                    found.computeIfAbsent(variable.getTaskId(), id -> new HashMap<>())
                            .put(variable.getName(), text);
                }
            }
        }
        return found;
    }
}
