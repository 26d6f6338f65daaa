package org.opensourceecology.incubator.process.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the engine API translations read about tasks, without authorization checks (see {@link TaskTextQuery}). */
interface TaskTexts {

    /** Task id to (variable name to text), for the given tasks and task-local variables: one query per page. */
    Map<String, Map<String, String>> find(List<String> taskIds, List<String> variableNames);

    /** The task's own, English, name and description, or empty when there is no such task. */
    Optional<English> english(String taskId);

    record English(String name, String description) {}
}
