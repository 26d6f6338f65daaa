package org.opensourceecology.incubator.training.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.opensourceecology.incubator.process.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * What deployed versions of {@code immersion-training} up to 2026-11-24 read that later ones do not. Their
 * sign-off task's due date was the variable {@code ${signOffDueDate}}, set by {@link RecordSubmission}, and
 * their decision gateway read {@code ${milestoneApproved}}, set by {@link RecordSignOff}; later versions
 * compute the due date in the expression and decide on {@code signOffDecision}, which spares each
 * submission and its sign-off those variable updates. Camunda keeps a running instance on the version it
 * started with, so the two delegates go on setting the variables for instances of those versions, and only
 * for them.
 *
 * <p>Read once per process definition from the deployed model (Camunda's deployment cache holds it).
 */
@Component
class EarlierTrainingVersions {

    /** The due date of the sign-off task, set by {@link RecordSubmission} for the versions that read it. */
    static final ProcessVariable<Instant> SIGN_OFF_DUE_DATE = ProcessVariable.instant("signOffDueDate");

    /** The decision as a boolean, set by {@link RecordSignOff} for the versions whose gateway reads it. */
    static final ProcessVariable<Boolean> MILESTONE_APPROVED = ProcessVariable.bool("milestoneApproved");

    /** What one deployed version reads. */
    record Reads(boolean signOffDueDate, boolean milestoneApproved) {}

    private static final Pattern READS_SIGN_OFF_DUE_DATE = variable(SIGN_OFF_DUE_DATE);
    private static final Pattern READS_MILESTONE_APPROVED = variable(MILESTONE_APPROVED);

    private final Map<String, Reads> byDefinition = new ConcurrentHashMap<>();

    Reads of(DelegateExecution execution) {
        return byDefinition.computeIfAbsent(
                execution.getProcessDefinitionId(), id -> read(execution.getBpmnModelInstance()));
    }

    static Reads read(BpmnModelInstance model) {
        boolean dueDate = model.getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getCamundaDueDate)
                .anyMatch(expression -> expression != null
                        && READS_SIGN_OFF_DUE_DATE.matcher(expression).find());
        boolean approved = model.getModelElementsByType(ConditionExpression.class).stream()
                .map(ConditionExpression::getTextContent)
                .anyMatch(expression -> expression != null
                        && READS_MILESTONE_APPROVED.matcher(expression).find());
        return new Reads(dueDate, approved);
    }

    private static Pattern variable(ProcessVariable<?> variable) {
        return Pattern.compile("\\b" + variable.name() + "\\b");
    }
}
