package org.opensourceecology.incubator.training.internal;

import static org.opensourceecology.incubator.training.ImmersionTrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_open_milestone: the milestone at the loop counter's position of the curriculum, as local variables. */
@Component("openMilestone")
class OpenMilestone implements JavaDelegate {

    private final Training training;

    OpenMilestone(Training training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var milestone = training.milestoneAt(APPLICATION_ID.get(execution), LOOP_COUNTER.get(execution));
        MILESTONE_ID.setLocal(execution, milestone.getId());
        MILESTONE_TITLE.setLocal(execution, milestone.getTitle());
        MILESTONE_DESCRIPTION.setLocal(execution, milestone.getDescription());
        MILESTONE_EVIDENCE_REQUIRED.setLocal(execution, milestone.getEvidenceRequired());
        MILESTONE_DUE_DATE.setLocal(execution, training.dueIn(milestone.getExpectedDays()));
        MILESTONE_EXPECTED_DURATION.setLocal(execution, "P" + milestone.getExpectedDays() + "D");
        // Declared here so that what the forms submit stays with this milestone.
        EVIDENCE_URLS.setLocal(execution, null);
        NOTES.setLocal(execution, null);
        HOURS_SPENT.setLocal(execution, null);
        SIGN_OFF_DECISION.setLocal(execution, null);
        MENTOR_COMMENT.setLocal(execution, null);
    }
}
