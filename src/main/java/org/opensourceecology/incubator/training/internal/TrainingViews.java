package org.opensourceecology.incubator.training.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.query.NativeQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.identity.Roles;
import org.opensourceecology.incubator.training.ImmersionTrainingProcess;
import org.springframework.data.domain.Limit;
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

    /** The oldest applications waiting for review, and how many wait in all. */
    record ReviewQueue(List<ApplicationView> oldest, long waiting) {}

    /** How many waiting applications the mentor's page lists; the rest are in Tasklist. */
    static final int REVIEW_PAGE = 20;

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
    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    TrainingViews(
            TrainingApplications applications,
            Cohorts cohorts,
            CurriculumMilestones milestones,
            MilestoneSubmissions submissions,
            EnterpriseSpecifications catalog,
            Training training,
            TaskService taskService,
            RuntimeService runtimeService,
            ManagementService managementService) {
        this.applications = applications;
        this.cohorts = cohorts;
        this.milestones = milestones;
        this.submissions = submissions;
        this.catalog = catalog;
        this.training = training;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** The trainee's applications, newest first, with the tasks assigned to them. */
    List<ApplicationView> journeyOf(String traineeId) {
        return views(applications.findByTraineeIdOrderBySubmittedAtDesc(traineeId), traineeId, null);
    }

    /** The trainees a mentor is assigned to, with the sign-offs waiting for the mentor. */
    List<ApplicationView> traineesOf(String mentorId) {
        return views(applications.findByMentorIdOrderBySubmittedAtDesc(mentorId), mentorId, null);
    }

    /** The longest-waiting applications (at most {@link #REVIEW_PAGE}), each with its review task, and how many wait. */
    ReviewQueue awaitingReview() {
        var oldest = applications.findByStatusOrderBySubmittedAt(
                TrainingApplication.Status.SUBMITTED, Limit.of(REVIEW_PAGE));
        long waiting = oldest.size() < REVIEW_PAGE
                ? oldest.size()
                : applications.countByStatus(TrainingApplication.Status.SUBMITTED);
        return new ReviewQueue(views(oldest, null, Roles.MENTORS), waiting);
    }

    /**
     * The views of a page of applications with a fixed number of queries, however long the page: one for
     * the tasks, one for their process instances, one for the submissions, one for the people, one for
     * the cohorts, and one per enterprise and curriculum on the page.
     */
    private List<ApplicationView> views(List<TrainingApplication> page, String assignee, String candidateGroup) {
        if (page.isEmpty()) {
            return List.of();
        }
        var ids = page.stream().map(TrainingApplication::getId).toList();
        var tasks = tasks(ids, assignee, candidateGroup);
        var latest = submissions.findByApplicationIdInOrderBySubmittedAt(ids).stream()
                .collect(Collectors.toMap(
                        s -> s.getApplicationId() + "/" + s.getMilestoneId(),
                        Function.identity(),
                        (first, second) -> second.getAttempt() > first.getAttempt() ? second : first));
        var people = new HashSet<String>();
        page.forEach(a -> {
            people.add(a.getTraineeId());
            if (a.getMentorId() != null) {
                people.add(a.getMentorId());
            }
        });
        Map<String, String> names = new HashMap<>();
        training.displayNames(people).forEach(names::put);
        Map<String, String> enterprises = new HashMap<>();
        Map<Long, List<CurriculumMilestone>> curricula = new HashMap<>();
        var cohortIds = page.stream()
                .map(TrainingApplication::getCohortId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, LocalDate> cohortStarts = cohortIds.isEmpty()
                ? Map.of()
                : cohorts.findAllById(cohortIds).stream()
                        .filter(c -> c.getStartDate() != null)
                        .collect(Collectors.toMap(Cohort::getId, Cohort::getStartDate));
        return page.stream()
                .map(a -> {
                    List<MilestoneView> list = a.getCurriculumId() == null
                            ? List.of()
                            : milestones(
                                    a,
                                    curricula.computeIfAbsent(
                                            a.getCurriculumId(), milestones::findByCurriculumIdOrderByPosition),
                                    latest);
                    return new ApplicationView(
                            a.getId(),
                            a.getEnterpriseSlug(),
                            enterprises.computeIfAbsent(
                                    a.getEnterpriseSlug(),
                                    slug -> catalog.findNameBySlug(slug).orElse(slug)),
                            a.getStatus(),
                            a.getRejectionReason(),
                            day(a.getSubmittedAt()),
                            a.getMentorId() == null ? null : names.getOrDefault(a.getMentorId(), a.getMentorId()),
                            a.getCohortId() == null ? null : cohortStarts.get(a.getCohortId()),
                            list,
                            list.stream()
                                    .filter(m -> m.state() == MilestoneState.DONE)
                                    .count(),
                            tasks.getOrDefault(a.getId(), List.of()),
                            names.getOrDefault(a.getTraineeId(), a.getTraineeId()),
                            new PublicDocumentationConsent(
                                    a.isDocumentationPublic(),
                                    day(a.getConsentPublicDocumentationAt()),
                                    day(a.getPublicDocumentationWithdrawnAt())));
                })
                .toList();
    }

    private static List<MilestoneView> milestones(
            TrainingApplication a, List<CurriculumMilestone> curriculum, Map<String, MilestoneSubmission> latest) {
        return curriculum.stream()
                .map(m -> {
                    var s = latest.get(a.getId() + "/" + m.getId());
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

    /**
     * The open tasks of these applications (for the assignee, or the group's unassigned review tasks), by
     * application id, in order of creation: two native queries through Camunda's API, one for the
     * applications' training instances and one for their tasks. Camunda's typed task and process-instance
     * queries evaluate dozens of OGNL conditions to build their SQL on every call: that was two thirds of
     * their CPU, and they were the largest item of the mentor's page (JFR, bench/run c). Like those
     * queries here, these check no authorizations: the page shows only the reader's own work.
     */
    private Map<Long, List<TaskLink>> tasks(List<Long> applicationIds, String assignee, String candidateGroup) {
        var instanceQuery = runtimeService.createNativeProcessInstanceQuery();
        var keys = applicationIds.stream()
                .map(id -> RegisterTrainingApplication.BUSINESS_KEY_PREFIX + id)
                .toList();
        String businessKeys = in(instanceQuery, "key", keys);
        var instances = instanceQuery
                .sql("SELECT E.* FROM " + managementService.getTableName(ProcessInstance.class) + " E"
                        + " WHERE E.ID_ = E.PROC_INST_ID_ AND E.BUSINESS_KEY_ IN (" + businessKeys + ")"
                        + " AND E.PROC_DEF_ID_ IN (SELECT D.ID_ FROM "
                        + managementService.getTableName(ProcessDefinition.class)
                        + " D WHERE D.KEY_ = #{definitionKey})")
                .parameter("definitionKey", ImmersionTrainingProcess.KEY)
                .list();
        if (instances.isEmpty()) {
            return Map.of();
        }
        var applicationOf = new HashMap<String, Long>();
        for (ProcessInstance instance : instances) {
            applicationOf.put(
                    instance.getId(),
                    Long.parseLong(instance.getBusinessKey()
                            .substring(RegisterTrainingApplication.BUSINESS_KEY_PREFIX.length())));
        }
        var taskQuery = taskService.createNativeTaskQuery();
        String sql = "SELECT T.* FROM " + managementService.getTableName(Task.class) + " T"
                + " WHERE T.PROC_INST_ID_ IN (" + in(taskQuery, "instance", List.copyOf(applicationOf.keySet())) + ")";
        if (assignee != null) {
            sql += " AND T.ASSIGNEE_ = #{assignee}";
            taskQuery.parameter("assignee", assignee);
        } else {
            // as Camunda's taskCandidateGroup: unassigned tasks the group is a candidate for
            sql += " AND T.ASSIGNEE_ IS NULL AND T.TASK_DEF_KEY_ = #{taskDefinitionKey} AND EXISTS (SELECT 1 FROM "
                    + managementService.getTableName(IdentityLinkEntity.class) + " I WHERE I.TASK_ID_ = T.ID_"
                    + " AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ = #{candidateGroup})";
            taskQuery.parameter("taskDefinitionKey", ImmersionTrainingProcess.USER_REVIEW_APPLICATION);
            taskQuery.parameter("candidateGroup", candidateGroup);
        }
        var byApplication = new HashMap<Long, List<TaskLink>>();
        for (Task t :
                taskQuery.sql(sql + " ORDER BY T.CREATE_TIME_ ASC, T.ID_ ASC").list()) {
            byApplication
                    .computeIfAbsent(applicationOf.get(t.getProcessInstanceId()), k -> new ArrayList<>())
                    .add(new TaskLink(t.getName(), TrainingMail.taskPath(t.getId()), t.getDueDate()));
        }
        return byApplication;
    }

    /** The parameters {@code #{name0}, #{name1}, ...} of a native query's IN list, bound to these values. */
    private static String in(NativeQuery<?, ?> query, String name, List<String> values) {
        var placeholders = new ArrayList<String>(values.size());
        for (int i = 0; i < values.size(); i++) {
            query.parameter(name + i, values.get(i));
            placeholders.add("#{" + name + i + "}");
        }
        return String.join(", ", placeholders);
    }
}
