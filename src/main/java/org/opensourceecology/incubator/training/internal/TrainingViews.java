package org.opensourceecology.incubator.training.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.training.ImmersionTrainingProcess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read models for the trainee's journey page and the mentor's trainees page. */
@Component
@Transactional(readOnly = true)
class TrainingViews {

    enum MilestoneState {
        OPEN,
        SUBMITTED,
        RETURNED,
        DONE
    }

    record MilestoneView(int number, String title, MilestoneState state, LocalDate signedOffOn) {}

    record TaskLink(String name, String path, java.util.Date due) {}

    record ApplicationView(
            long id,
            String enterpriseSlug,
            String enterpriseName,
            TrainingApplication.Status status,
            String rejectionReason,
            LocalDate submittedOn,
            String mentorName,
            LocalDate cohortStart,
            List<MilestoneView> milestones,
            long milestonesDone,
            List<TaskLink> next,
            String traineeName,
            PublicDocumentationConsent documentation) {}

    /** The trainee's consent to public documentation of this application: whether it holds, and since when. */
    record PublicDocumentationConsent(boolean shown, LocalDate givenOn, LocalDate withdrawnOn) {}

    private final TrainingApplications applications;
    private final Cohorts cohorts;
    private final CurriculumMilestones milestones;
    private final MilestoneSubmissions submissions;
    private final EnterpriseSpecifications catalog;
    private final Training training;
    private final TaskService taskService;

    TrainingViews(
            TrainingApplications applications,
            Cohorts cohorts,
            CurriculumMilestones milestones,
            MilestoneSubmissions submissions,
            EnterpriseSpecifications catalog,
            Training training,
            TaskService taskService) {
        this.applications = applications;
        this.cohorts = cohorts;
        this.milestones = milestones;
        this.submissions = submissions;
        this.catalog = catalog;
        this.training = training;
        this.taskService = taskService;
    }

    /** The trainee's applications, newest first, with the tasks assigned to them. */
    List<ApplicationView> journeyOf(String traineeId) {
        return applications.findByTraineeIdOrderBySubmittedAtDesc(traineeId).stream()
                .map(a -> view(a, traineeId, null))
                .toList();
    }

    /** The trainees a mentor is assigned to, with the sign-offs waiting for the mentor. */
    List<ApplicationView> traineesOf(String mentorId) {
        return applications.findByMentorIdOrderBySubmittedAtDesc(mentorId).stream()
                .map(a -> view(a, mentorId, null))
                .toList();
    }

    /** Applications waiting for review, each with the review task. */
    List<ApplicationView> awaitingReview() {
        return applications.findByStatusOrderBySubmittedAt(TrainingApplication.Status.SUBMITTED).stream()
                .map(a -> view(a, null, Roles.MENTORS))
                .toList();
    }

    private ApplicationView view(TrainingApplication a, String assignee, String candidateGroup) {
        List<MilestoneView> list = a.getCurriculumId() == null ? List.of() : milestones(a);
        return new ApplicationView(
                a.getId(),
                a.getEnterpriseSlug(),
                catalog.findBySlug(a.getEnterpriseSlug())
                        .map(EnterpriseSpecification::getName)
                        .orElse(a.getEnterpriseSlug()),
                a.getStatus(),
                a.getRejectionReason(),
                day(a.getSubmittedAt()),
                a.getMentorId() == null ? null : training.displayName(a.getMentorId()),
                Optional.ofNullable(a.getCohortId())
                        .flatMap(cohorts::findById)
                        .map(Cohort::getStartDate)
                        .orElse(null),
                list,
                list.stream().filter(m -> m.state() == MilestoneState.DONE).count(),
                tasks(a.getId(), assignee, candidateGroup),
                training.displayName(a.getTraineeId()),
                new PublicDocumentationConsent(
                        a.isDocumentationPublic(),
                        day(a.getConsentPublicDocumentationAt()),
                        day(a.getPublicDocumentationWithdrawnAt())));
    }

    private List<MilestoneView> milestones(TrainingApplication a) {
        Map<Long, MilestoneSubmission> latest = submissions.findByApplicationIdOrderBySubmittedAt(a.getId()).stream()
                .collect(Collectors.toMap(
                        MilestoneSubmission::getMilestoneId,
                        Function.identity(),
                        (first, second) -> second.getAttempt() > first.getAttempt() ? second : first));
        return milestones.findByCurriculumIdOrderByPosition(a.getCurriculumId()).stream()
                .map(m -> {
                    var s = latest.get(m.getId());
                    MilestoneState state = s == null
                            ? MilestoneState.OPEN
                            : switch (s.getStatus()) {
                                case SUBMITTED -> MilestoneState.SUBMITTED;
                                case RETURNED -> MilestoneState.RETURNED;
                                case SIGNED_OFF -> MilestoneState.DONE;
                            };
                    return new MilestoneView(
                            m.getPosition() + 1,
                            m.getTitle(),
                            state,
                            state == MilestoneState.DONE ? day(s.getDecidedAt()) : null);
                })
                .toList();
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private List<TaskLink> tasks(long applicationId, String assignee, String candidateGroup) {
        var query = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(RegisterTrainingApplication.BUSINESS_KEY_PREFIX + applicationId);
        if (assignee != null) {
            query.taskAssignee(assignee);
        } else {
            query.taskCandidateGroup(candidateGroup)
                    .taskDefinitionKey(ImmersionTrainingProcess.USER_REVIEW_APPLICATION);
        }
        return query.list().stream()
                .sorted(Comparator.comparing(Task::getCreateTime))
                .map(t -> new TaskLink(t.getName(), TrainingMail.taskPath(t.getId()), t.getDueDate()))
                .toList();
    }
}
