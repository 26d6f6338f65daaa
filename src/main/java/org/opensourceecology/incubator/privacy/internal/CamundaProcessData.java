package org.opensourceecology.incubator.privacy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.opensourceecology.incubator.privacy.Subject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the Camunda engine holds about a person: the process instances about them (started by them or
 * marked by an identifying variable such as {@code traineeId}, with their call-activity children),
 * their variables and tasks, tasks the person was assignee or owner of elsewhere, and identity links.
 *
 * <p>Erasure ends their running instances (skipping listeners: no more mail or work for them), deletes
 * those instances from history (variables, details, serialized values in ACT_GE_BYTEARRAY, tasks,
 * identity links), and replaces the user id by the pseudonym where it remains in other people's
 * history. Camunda offers no API for the latter, so it is a small SQL update on the ACT_HI_* (and
 * ACT_RU_*) columns that hold user ids; plain upper-case table names work on H2 and PostgreSQL.
 */
@Component
class CamundaProcessData {

    static final String REASON = "erased on request";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;

    CamundaProcessData(
            RuntimeService runtime,
            HistoryService history,
            TaskService tasks,
            IdentityService identity,
            JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    Map<String, Object> export(Subject subject, Map<String, String> identifyingVariables) {
        var export = new LinkedHashMap<String, Object>();
        var instances = new ArrayList<Map<String, Object>>();
        for (String id : instancesAbout(subject, identifyingVariables)) {
            var instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(id)
                    .singleResult();
            if (instance == null) {
                continue;
            }
            var entry = new LinkedHashMap<String, Object>();
            entry.put("id", instance.getId());
            entry.put("process", instance.getProcessDefinitionKey());
            entry.put("businessKey", instance.getBusinessKey());
            entry.put("state", instance.getState());
            entry.put("startedBy", instance.getStartUserId());
            entry.put("startTime", instance.getStartTime());
            entry.put("endTime", instance.getEndTime());
            var variables = new LinkedHashMap<String, Object>();
            history.createHistoricVariableInstanceQuery()
                    .processInstanceId(id)
                    .disableCustomObjectDeserialization()
                    .list()
                    .forEach(v ->
                            variables.put(v.getName(), v.getValue() == null ? null : String.valueOf(v.getValue())));
            entry.put("variables", variables);
            entry.put(
                    "tasks",
                    history.createHistoricTaskInstanceQuery().processInstanceId(id).list().stream()
                            .map(CamundaProcessData::task)
                            .toList());
            instances.add(entry);
        }
        export.put("processInstances", instances);
        if (subject.hasUserId()) {
            String userId = subject.userId();
            var own = new LinkedHashMap<String, Map<String, Object>>();
            history.createHistoricTaskInstanceQuery()
                    .taskAssignee(userId)
                    .list()
                    .forEach(t -> own.put(t.getId(), task(t)));
            history.createHistoricTaskInstanceQuery()
                    .taskOwner(userId)
                    .list()
                    .forEach(t -> own.put(t.getId(), task(t)));
            export.put("tasksAssignedOrOwned", List.copyOf(own.values()));
            export.put(
                    "identityLinks",
                    history.createHistoricIdentityLinkLogQuery().userId(userId).list().stream()
                            .map(l -> {
                                var link = new LinkedHashMap<String, Object>();
                                link.put("taskId", l.getTaskId());
                                link.put("processDefinitionKey", l.getProcessDefinitionKey());
                                link.put("type", l.getType());
                                link.put("operation", l.getOperationType());
                                link.put("time", l.getTime());
                                return link;
                            })
                            .toList());
            var user = identity.createUserQuery().userId(userId).singleResult();
            if (user != null) {
                var account = new LinkedHashMap<String, Object>();
                account.put("id", user.getId());
                account.put("firstName", user.getFirstName());
                account.put("lastName", user.getLastName());
                account.put("email", user.getEmail());
                account.put(
                        "groups",
                        identity.createGroupQuery().groupMember(userId).list().stream()
                                .map(g -> g.getId())
                                .toList());
                export.put("account", account);
            }
        }
        return export;
    }

    void erase(Subject subject, Map<String, String> identifyingVariables) {
        Set<String> ids = instancesAbout(subject, identifyingVariables);
        // end running journeys first: deleting a root instance ends its called children too
        for (String id : ids) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstanceIfExists(id, REASON, true, true, true, false);
            }
        }
        if (!ids.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(List.copyOf(ids));
        }
        if (subject.hasUserId()) {
            pseudonymiseUserId(subject.userId(), subject.pseudonym());
            if (!identity.isReadOnly()
                    && identity.createUserQuery().userId(subject.userId()).count() > 0) {
                identity.deleteUser(subject.userId());
            }
        }
        if (subject.hasEmail()) {
            for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_VARIABLE")) {
                jdbc.update("update " + table + " set TEXT_ = null where lower(TEXT_) = ?", subject.email());
            }
        }
    }

    /** Camunda has no API to rename a user in history: these columns are updated directly. */
    private void pseudonymiseUserId(String userId, String pseudonym) {
        for (String assigned : tasks.createTaskQuery().taskAssignee(userId).list().stream()
                .map(t -> t.getId())
                .toList()) {
            tasks.setAssignee(assigned, null); // back to the candidates: someone else takes it over
        }
        String[][] columns = {
            {"ACT_HI_TASKINST", "ASSIGNEE_"},
            {"ACT_HI_TASKINST", "OWNER_"},
            {"ACT_HI_ACTINST", "ASSIGNEE_"},
            {"ACT_HI_PROCINST", "START_USER_ID_"},
            {"ACT_HI_IDENTITYLINK", "USER_ID_"},
            {"ACT_HI_IDENTITYLINK", "ASSIGNER_ID_"},
            {"ACT_HI_OP_LOG", "USER_ID_"},
            {"ACT_HI_OP_LOG", "ORG_VALUE_"},
            {"ACT_HI_OP_LOG", "NEW_VALUE_"},
            {"ACT_HI_COMMENT", "USER_ID_"},
            {"ACT_HI_ATTACHMENT", "USER_ID_"},
            {"ACT_HI_VARINST", "TEXT_"},
            {"ACT_HI_DETAIL", "TEXT_"},
            {"ACT_RU_VARIABLE", "TEXT_"},
            {"ACT_RU_TASK", "OWNER_"},
        };
        for (String[] column : columns) {
            jdbc.update(
                    "update " + column[0] + " set " + column[1] + " = ? where " + column[1] + " = ?",
                    pseudonym,
                    userId);
        }
        jdbc.update("delete from ACT_RU_IDENTITYLINK where USER_ID_ = ?", userId);
        jdbc.update("delete from ACT_RU_AUTHORIZATION where USER_ID_ = ?", userId);
        jdbc.update("delete from ACT_RU_FILTER where OWNER_ = ?", userId);
    }

    /** Instances about the subject, with their call-activity descendants and ancestors' roots. */
    Set<String> instancesAbout(Subject subject, Map<String, String> identifyingVariables) {
        var found = new LinkedHashSet<String>();
        if (subject.hasUserId()) {
            history.createHistoricProcessInstanceQuery().startedBy(subject.userId()).list().stream()
                    .map(HistoricProcessInstance::getId)
                    .forEach(found::add);
        }
        identifyingVariables.forEach((name, value) -> history.createHistoricProcessInstanceQuery()
                .variableValueEquals(name, value)
                .list()
                .forEach(i -> found.add(i.getId())));
        var all = new LinkedHashSet<String>();
        for (String id : found) {
            var instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(id)
                    .singleResult();
            String root = instance.getRootProcessInstanceId() == null ? id : instance.getRootProcessInstanceId();
            collect(root, all);
        }
        return all;
    }

    private void collect(String id, Set<String> into) {
        if (!into.add(id)) {
            return;
        }
        history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(id)
                .list()
                .forEach(child -> collect(child.getId(), into));
    }

    private static Map<String, Object> task(HistoricTaskInstance t) {
        var task = new LinkedHashMap<String, Object>();
        task.put("id", t.getId());
        task.put("name", t.getName());
        task.put("taskDefinitionKey", t.getTaskDefinitionKey());
        task.put("processInstanceId", t.getProcessInstanceId());
        task.put("assignee", t.getAssignee());
        task.put("owner", t.getOwner());
        task.put("startTime", t.getStartTime());
        task.put("endTime", t.getEndTime());
        task.put("deleteReason", t.getDeleteReason());
        return task;
    }
}
