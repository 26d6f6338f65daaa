package org.opensourceecology.incubator.certification.internal;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensourceecology.incubator.certification.CertificationProcess;
import org.springframework.stereotype.Component;

/**
 * Four-eyes rule of the certifier reviews: the applicant and the applicant's mentor can neither
 * claim (be assigned) nor complete the review. On completion it records who decided.
 */
@Component("enforceFourEyes")
class FourEyes implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String applicant = CertificationProcess.APPLICANT_ID.find(task).orElse(null);
        String mentor = CertificationProcess.MENTOR_ID.find(task).orElse(null);
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            check(task.getAssignee(), applicant, mentor);
            return;
        }
        var authentication =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = authentication != null ? authentication.getUserId() : null;
        check(actor, applicant, mentor);
        check(task.getAssignee(), applicant, mentor);
        String certifier = actor != null ? actor : task.getAssignee();
        CertificationProcess.CERTIFIER_ID.set(task.getExecution(), certifier);
    }

    private static void check(String userId, String applicant, String mentor) {
        if (userId == null) {
            return;
        }
        if (userId.equals(applicant)) {
            throw new BadUserRequestException(
                    "Four-eyes rule: " + userId + " applied for this certificate and cannot review it.");
        }
        if (userId.equals(mentor)) {
            throw new BadUserRequestException(
                    "Four-eyes rule: " + userId + " mentored the applicant and cannot review the certification.");
        }
    }
}
