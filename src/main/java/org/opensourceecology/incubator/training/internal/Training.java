package org.opensourceecology.incubator.training.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.download.FollowUps;
import org.opensourceecology.incubator.identity.Directory;
import org.opensourceecology.incubator.identity.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The work of immersion training, one method per step of the process; delegates stay thin. */
@Service
@Transactional
class Training {

    /** What an applicant submits with the start form. */
    record Application(
            String traineeId,
            String enterpriseSlug,
            String motivation,
            String priorSkills,
            String city,
            String country,
            String downloadEmail,
            boolean consentPublicDocumentation) {}

    record Enrolment(long cohortId, int milestoneCount) {}

    private final TrainingApplications applications;
    private final Cohorts cohorts;
    private final CurriculumMilestones milestones;
    private final MilestoneSubmissions submissions;
    private final EnterpriseSpecifications catalog;
    private final ObjectProvider<FollowUps> followUps;
    private final Directory directory;
    private final TrainingMail mail;
    private final TrainingSettings settings;
    private final Clock clock;

    Training(
            TrainingApplications applications,
            Cohorts cohorts,
            CurriculumMilestones milestones,
            MilestoneSubmissions submissions,
            EnterpriseSpecifications catalog,
            ObjectProvider<FollowUps> followUps,
            Directory directory,
            TrainingMail mail,
            TrainingSettings settings,
            Clock clock) {
        this.applications = applications;
        this.cohorts = cohorts;
        this.milestones = milestones;
        this.submissions = submissions;
        this.catalog = catalog;
        this.followUps = followUps;
        this.directory = directory;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /** Stores an application for a published enterprise; anything else is refused and nothing stored. */
    long register(Application input) {
        String slug =
                input.enterpriseSlug() == null ? "" : input.enterpriseSlug().trim();
        if (catalog.findPublished(slug).isEmpty()) {
            throw new IllegalArgumentException("There is no published enterprise '" + slug
                    + "' in the catalog: use the short name shown on its catalog page, e.g. ceb-press.");
        }
        require(input.traineeId(), "the applicant");
        require(input.motivation(), "a motivation");
        require(input.city(), "a town or city");
        require(input.country(), "a country");
        var application = new TrainingApplication(
                input.traineeId(),
                slug,
                input.motivation().trim(),
                blankToNull(input.priorSkills()),
                input.city().trim(),
                input.country().trim(),
                clock.instant());
        if (input.consentPublicDocumentation()) {
            application.consentToPublicDocumentation(clock.instant());
        }
        application = applications.save(application);
        if (input.downloadEmail() != null && !input.downloadEmail().isBlank()) {
            followUps.ifAvailable(f -> f.trainingApplied(input.downloadEmail().trim()));
        }
        return application.getId();
    }

    TrainingApplication application(long applicationId) {
        return applications
                .findById(applicationId)
                .orElseThrow(() -> new NoSuchElementException("No training application " + applicationId));
    }

    /**
     * Gives or withdraws the trainee's consent to public documentation of one of their applications;
     * the public page reads it on every request, so the change shows at once.
     *
     * @throws NoSuchElementException when the application is not the trainee's (they learn nothing
     *     about other people's applications)
     */
    void decidePublicDocumentation(long applicationId, String traineeId, boolean consent) {
        var application = applications
                .findById(applicationId)
                .filter(a -> a.getTraineeId().equals(traineeId))
                .orElseThrow(() -> new NoSuchElementException("You have no training application " + applicationId));
        if (consent) {
            application.consentToPublicDocumentation(clock.instant());
        } else {
            application.withdrawPublicDocumentation(clock.instant());
        }
    }

    String displayName(String userId) {
        return directory.find(userId).map(Directory.Person::displayName).orElse(userId);
    }

    /** Display names by user id, looked up at once; users unknown to the directory are left out. */
    Map<String, String> displayNames(java.util.Collection<String> userIds) {
        var names = new HashMap<String, String>();
        directory.findAll(userIds).forEach((id, person) -> names.put(id, person.displayName()));
        return names;
    }

    boolean isMentor(String userId) {
        return userId != null && directory.membersOf(Roles.MENTORS).stream().anyMatch(p -> p.id().equals(userId));
    }

    void reject(long applicationId, String reason) {
        var application = application(applicationId);
        application.reject(reason, clock.instant());
        mail.rejected(application.getTraineeId(), application.getEnterpriseSlug(), reason);
    }

    /**
     * Accepts the application with the reviewer's choice of mentor when that user is a mentor, else
     * the least-loaded mentor of the enterprise's cohorts (any mentor when the cohorts have none).
     */
    String assignMentor(long applicationId, String mentorOverride) {
        var application = application(applicationId);
        String mentorId = isMentor(blankToNull(mentorOverride))
                ? mentorOverride.trim()
                : leastLoadedMentor(application.getEnterpriseSlug());
        application.accept(mentorId, clock.instant());
        return mentorId;
    }

    private String leastLoadedMentor(String enterpriseSlug) {
        List<String> candidates = cohorts.findByEnterpriseSlugOrderByStartDateAscIdAsc(enterpriseSlug).stream()
                .flatMap(c -> c.getMentors().stream())
                .distinct()
                .sorted()
                .toList();
        if (candidates.isEmpty()) {
            candidates = directory.membersOf(Roles.MENTORS).stream()
                    .map(Directory.Person::id)
                    .toList();
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No mentor for " + enterpriseSlug + ": add a user to group mentors");
        }
        Map<String, Long> load = new HashMap<>();
        for (Object[] row : applications.openTraineesPerMentor(candidates)) {
            load.put((String) row[0], ((Number) row[1]).longValue());
        }
        return candidates.stream()
                .min(Comparator.<String>comparingLong(m -> load.getOrDefault(m, 0L))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    /**
     * Enrols the trainee in the earliest cohort of the enterprise with a free place (opening a new one
     * with their mentor when all are full) and pins the newest curriculum.
     */
    Enrolment enrol(long applicationId) {
        var application = application(applicationId);
        String slug = application.getEnterpriseSlug();
        long curriculumId = milestones
                .latestCurriculumId(slug)
                .orElseThrow(() -> new IllegalStateException("Enterprise " + slug + " has no curriculum yet"));
        var cohort = cohorts.findByEnterpriseSlugOrderByStartDateAscIdAsc(slug).stream()
                .filter(c -> applications.countByCohortId(c.getId()) < c.getCapacity())
                .findFirst()
                .orElseGet(() -> openCohort(slug, application.getMentorId()));
        application.enrol(cohort.getId(), curriculumId);
        int count = milestones.findByCurriculumIdOrderByPosition(curriculumId).size();
        return new Enrolment(cohort.getId(), count);
    }

    private Cohort openCohort(String slug, String mentorId) {
        var cohort = new Cohort(
                slug,
                LocalDate.now(clock).withDayOfMonth(1).plusMonths(1),
                settings.newCohortCapacity(),
                clock.instant());
        cohort.getMentors().add(mentorId);
        return cohorts.save(cohort);
    }

    /** The milestone at an index of the application's curriculum (0 = first). */
    CurriculumMilestone milestoneAt(long applicationId, int index) {
        var list = milestones.findByCurriculumIdOrderByPosition(
                application(applicationId).getCurriculumId());
        if (index < 0 || index >= list.size()) {
            throw new IllegalStateException(
                    "Milestone " + index + " is not in the curriculum of application " + applicationId);
        }
        return list.get(index);
    }

    Instant dueIn(int days) {
        return clock.instant().plus(days, ChronoUnit.DAYS);
    }

    Instant signOffDue() {
        return clock.instant().plus(settings.mentorReminder());
    }

    void recordSubmission(long applicationId, long milestoneId, String evidenceUrls, String notes, Integer hours) {
        require(evidenceUrls, "evidence");
        int attempt = (int) submissions.countByApplicationIdAndMilestoneId(applicationId, milestoneId) + 1;
        submissions.save(new MilestoneSubmission(
                applicationId, milestoneId, attempt, evidenceUrls.trim(), blankToNull(notes), hours, clock.instant()));
    }

    /**
     * Records the mentor's decision on the milestone's latest attempt and tells the trainee of a sign-off. A
     * returned milestone is told with its task, which the return creates again ({@link NotifyTaskAssignee}):
     * one mail with the comment and the link.
     */
    void recordSignOff(
            long applicationId, long milestoneId, boolean approved, String comment, String mentorId, String title) {
        var submission = submissions
                .findLatest(applicationId, milestoneId)
                .orElseThrow(() -> new NoSuchElementException(
                        "No submission of milestone " + milestoneId + " in application " + applicationId));
        submission.decide(approved, blankToNull(comment), mentorId, clock.instant());
        if (approved) {
            mail.signedOff(application(applicationId).getTraineeId(), title, comment);
        }
    }

    void remindTrainee(String traineeId, String milestoneTitle) {
        mail.overrun(traineeId, milestoneTitle);
    }

    void remindMentor(String mentorId, String milestoneTitle, String traineeName) {
        mail.signOffReminder(mentorId, milestoneTitle, traineeName);
    }

    void alertAdmins(String mentorId, String milestoneTitle, String traineeName) {
        mail.signOffOverdue(mentorId, milestoneTitle, traineeName);
    }

    void complete(long applicationId) {
        var application = application(applicationId);
        application.complete(clock.instant());
        mail.completed(application.getTraineeId(), application.getEnterpriseSlug());
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Please give " + what);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
