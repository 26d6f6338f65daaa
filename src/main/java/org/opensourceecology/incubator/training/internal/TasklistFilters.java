package org.opensourceecology.incubator.training.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.process.TasklistFilterTexts;
import org.opensourceecology.incubator.training.ImmersionTrainingProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Saved Tasklist filters for the people of immersion training, each readable by its groups. Created at
 * start-up when missing (by name), so an admin's later edits to a filter are kept. Names and variable
 * labels are stored in English with their message keys ({@link TasklistFilterTexts}), so that Tasklist
 * shows them in each reader's language.
 */
@Component
class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    record Definition(String nameKey, List<String> groups, TaskQuery query, int priority) {}

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final MessageSource messages;

    TasklistFilters(
            FilterService filterService,
            TaskService taskService,
            AuthorizationService authorizationService,
            MessageSource messages) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.messages = messages;
    }

    List<Definition> definitions() {
        return List.of(
                new Definition(
                        "filter.myMilestones",
                        List.of(Roles.TRAINEES),
                        milestoneTasks(ImmersionTrainingProcess.USER_COMPLETE_MILESTONE)
                                .taskAssigneeExpression("${currentUser()}"),
                        -10),
                new Definition(
                        "filter.awaitingSignOff",
                        List.of(Roles.MENTORS),
                        milestoneTasks(ImmersionTrainingProcess.USER_SIGN_OFF_MILESTONE)
                                .taskAssigneeExpression("${currentUser()}"),
                        -9),
                new Definition(
                        "filter.applicationsToReview",
                        List.of(Roles.MENTORS, Roles.ADMINS),
                        // Unclaimed reviews the reader may see. Every review task has the candidate groups
                        // mentors and camunda-admin, which is also what lets them see it; a candidate-group
                        // criterion would add a join with the identity links to the page and to its count,
                        // over every application awaiting review (about 15% of each at 2,000 of them).
                        milestoneTasks(ImmersionTrainingProcess.USER_REVIEW_APPLICATION)
                                .taskUnassigned(),
                        -8));
    }

    private TaskQuery milestoneTasks(String taskDefinitionKey) {
        return taskService
                .createTaskQuery()
                .processDefinitionKey(ImmersionTrainingProcess.KEY)
                .taskDefinitionKey(taskDefinitionKey)
                .orderByDueDate()
                .asc();
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(20)
    void createMissing() {
        for (Definition definition : definitions()) {
            String name = messages.getMessage(definition.nameKey(), null, Locale.ENGLISH);
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            if (filter == null) {
                filter = filterService
                        .newTaskFilter(name)
                        .setQuery(definition.query())
                        .setProperties(properties(definition));
                filterService.saveFilter(filter);
            } else if (!filter.getProperties().containsKey(TasklistFilterTexts.NAME_KEY)) {
                try {
                    filterService.saveFilter(filter.setProperties(withMessageKeys(definition, filter.getProperties())));
                } catch (OptimisticLockingException e) {
                    // Nodes starting together: another one has just added the keys.
                    log.info("Filter '{}' was updated by another node meanwhile: {}", name, e.getMessage());
                }
            }
            for (String group : definition.groups()) {
                grantRead(group, filter.getId());
            }
        }
    }

    /** The variables every filter lists, with the message keys of their labels. */
    static final Map<String, String> VARIABLE_LABELS = Map.of(
            ImmersionTrainingProcess.TRAINEE_NAME.name(), "filter.variable.trainee",
            ImmersionTrainingProcess.ENTERPRISE_SLUG.name(), "filter.variable.enterprise",
            ImmersionTrainingProcess.MILESTONE_TITLE.name(), "filter.variable.milestone",
            ImmersionTrainingProcess.MILESTONE_DUE_DATE.name(), "filter.variable.dueDate");

    /** English name and labels, with their message keys so that Tasklist shows them in the reader's language. */
    private Map<String, Object> properties(Definition definition) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("priority", definition.priority());
        properties.put("refresh", true);
        properties.put(TasklistFilterTexts.NAME_KEY, definition.nameKey());
        properties.put(
                "variables",
                List.of(
                        variable(ImmersionTrainingProcess.TRAINEE_NAME.name()),
                        variable(ImmersionTrainingProcess.ENTERPRISE_SLUG.name()),
                        variable(ImmersionTrainingProcess.MILESTONE_TITLE.name()),
                        variable(ImmersionTrainingProcess.MILESTONE_DUE_DATE.name())));
        return properties;
    }

    private Map<String, String> variable(String name) {
        String labelKey = VARIABLE_LABELS.get(name);
        return Map.of(
                "name",
                name,
                "label",
                messages.getMessage(labelKey, null, Locale.ENGLISH),
                TasklistFilterTexts.LABEL_KEY,
                labelKey);
    }

    /**
     * A filter made before filters carried message keys: the keys are added, the rest (an admin's
     * priority, colour, variables) stays as it is; a label someone changed keeps no key.
     */
    private Map<String, Object> withMessageKeys(Definition definition, Map<String, Object> existing) {
        var properties = new LinkedHashMap<String, Object>(existing);
        properties.put(TasklistFilterTexts.NAME_KEY, definition.nameKey());
        if (existing.get("variables") instanceof List<?> variables) {
            properties.put(
                    "variables",
                    variables.stream()
                            .map(entry -> entry instanceof Map<?, ?> variable ? withLabelKey(variable) : entry)
                            .toList());
        }
        return properties;
    }

    private Object withLabelKey(Map<?, ?> variable) {
        String labelKey = VARIABLE_LABELS.get(String.valueOf(variable.get("name")));
        if (labelKey == null
                || !messages.getMessage(labelKey, null, Locale.ENGLISH).equals(variable.get("label"))) {
            return variable;
        }
        var keyed = new LinkedHashMap<Object, Object>(variable);
        keyed.put(TasklistFilterTexts.LABEL_KEY, labelKey);
        return keyed;
    }

    private void grantRead(String groupId, String filterId) {
        boolean granted = authorizationService
                        .createAuthorizationQuery()
                        .groupIdIn(groupId)
                        .resourceType(Resources.FILTER)
                        .resourceId(filterId)
                        .count()
                > 0;
        if (!granted) {
            var authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
