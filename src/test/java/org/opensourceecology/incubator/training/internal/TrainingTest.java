package org.opensourceecology.incubator.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.download.FollowUps;
import org.opensourceecology.incubator.identity.Directory;
import org.opensourceecology.incubator.identity.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.test.util.ReflectionTestUtils;

/** The training steps without Spring: registration, mentor choice, enrolment. */
class TrainingTest {

    final TrainingApplications applications = mock(TrainingApplications.class);
    final Cohorts cohorts = mock(Cohorts.class);
    final CurriculumMilestones milestones = mock(CurriculumMilestones.class);
    final MilestoneSubmissions submissions = mock(MilestoneSubmissions.class);
    final EnterpriseSpecifications catalog = mock(EnterpriseSpecifications.class);
    final FollowUps followUps = mock(FollowUps.class);
    final Directory directory = mock(Directory.class);
    final TrainingMail mail = mock(TrainingMail.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    @SuppressWarnings("unchecked")
    final ObjectProvider<FollowUps> followUpsProvider = mock(ObjectProvider.class);

    Training training;

    @BeforeEach
    void setUp() {
        training = new Training(
                applications,
                cohorts,
                milestones,
                submissions,
                catalog,
                followUpsProvider,
                directory,
                mail,
                TrainingSettings.defaults(),
                clock);
        org.mockito.Mockito.doAnswer(invocation -> {
                    invocation
                            .<java.util.function.Consumer<FollowUps>>getArgument(0)
                            .accept(followUps);
                    return null;
                })
                .when(followUpsProvider)
                .ifAvailable(any());
        when(applications.save(any())).thenAnswer(invocation -> withId(invocation.getArgument(0), 42L));
        var published = new EnterpriseSpecification("ceb-press", "CEB Press", clock.instant());
        published.setStatus(EnterpriseSpecification.Status.PUBLISHED);
        when(catalog.findPublished("ceb-press")).thenReturn(Optional.of(published));
        when(directory.membersOf(Roles.MENTORS))
                .thenReturn(List.of(person("mentor"), person("mentor2"), person("mentor3")));
    }

    @Test
    void registersAnApplicationAndEndsTheDownloadFollowUp() {
        long id = training.register(application("ceb-press", " someone@example.org "));

        assertThat(id).isEqualTo(42L);
        verify(followUps).trainingApplied("someone@example.org");
    }

    @Test
    void registersWithoutDownloadEmailAndLeavesFollowUpsAlone() {
        training.register(application("ceb-press", ""));

        verifyNoInteractions(followUps);
    }

    @Test
    void refusesAnEnterpriseThatIsNotPublishedAndStoresNothing() {
        when(catalog.findPublished("secret-press")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> training.register(application("secret-press", "someone@example.org")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no published enterprise 'secret-press'");
        verify(applications, never()).save(any());
        verifyNoInteractions(followUps);
    }

    @Test
    void recordsWhenTheApplicantConsentedToPublicDocumentation() {
        var saved = org.mockito.ArgumentCaptor.forClass(TrainingApplication.class);

        training.register(new Training.Application(
                "trainee", "ceb-press", "I want to build houses.", null, "Accra", "Ghana", null, true));
        training.register(application("ceb-press", null));

        verify(applications, org.mockito.Mockito.times(2)).save(saved.capture());
        var consented = saved.getAllValues().get(0);
        assertThat(consented.isDocumentationPublic()).isTrue();
        assertThat(consented.getConsentPublicDocumentationAt()).isEqualTo(clock.instant());
        var silent = saved.getAllValues().get(1);
        assertThat(silent.isDocumentationPublic()).isFalse();
        assertThat(silent.getConsentPublicDocumentationAt()).isNull();
    }

    @Test
    void theTraineeWithdrawsAndGivesConsentForTheirOwnApplicationOnly() {
        var app = submitted();
        app.consentToPublicDocumentation(Instant.parse("2026-11-01T09:00:00Z"));

        training.decidePublicDocumentation(app.getId(), "trainee", false);

        assertThat(app.isDocumentationPublic()).isFalse();
        assertThat(app.getPublicDocumentationWithdrawnAt()).isEqualTo(clock.instant());
        assertThat(app.getConsentPublicDocumentationAt()).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));

        training.decidePublicDocumentation(app.getId(), "trainee", true);

        assertThat(app.isDocumentationPublic()).isTrue();
        assertThat(app.getConsentPublicDocumentationAt()).isEqualTo(clock.instant());
        assertThat(app.getPublicDocumentationWithdrawnAt()).isNull();

        assertThatThrownBy(() -> training.decidePublicDocumentation(app.getId(), "someoneelse", false))
                .isInstanceOf(java.util.NoSuchElementException.class)
                .hasMessageContaining("You have no training application " + app.getId());
        assertThat(app.isDocumentationPublic()).isTrue();
        when(applications.findById(404L)).thenReturn(Optional.empty());
        assertThatThrownBy(() -> training.decidePublicDocumentation(404L, "trainee", false))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void consentHoldsUntilWithdrawnAndKeepsBothTimes() {
        var app = new TrainingApplication("trainee", "ceb-press", "m", null, "Accra", "Ghana", clock.instant());
        var given = Instant.parse("2026-11-01T09:00:00Z");
        var again = Instant.parse("2026-11-02T09:00:00Z");
        var withdrawn = Instant.parse("2026-11-03T09:00:00Z");

        assertThat(app.isDocumentationPublic()).isFalse();
        assertThat(app.withdrawPublicDocumentation(withdrawn))
                .as("nothing to withdraw")
                .isFalse();
        assertThat(app.getPublicDocumentationWithdrawnAt()).isNull();

        app.consentToPublicDocumentation(given);
        app.consentToPublicDocumentation(again);
        assertThat(app.getConsentPublicDocumentationAt())
                .as("consenting while it holds keeps the first time")
                .isEqualTo(given);

        assertThat(app.withdrawPublicDocumentation(withdrawn)).isTrue();
        assertThat(app.isDocumentationPublic()).isFalse();
        assertThat(app.getConsentPublicDocumentationAt()).isEqualTo(given);
        assertThat(app.getPublicDocumentationWithdrawnAt()).isEqualTo(withdrawn);
        assertThat(app.withdrawPublicDocumentation(again)).isFalse();
        assertThat(app.getPublicDocumentationWithdrawnAt()).isEqualTo(withdrawn);
    }

    @Test
    void assignsTheLeastLoadedMentorOfTheEnterprisesCohorts() {
        var app = submitted();
        var cohort = new Cohort("ceb-press", LocalDate.now(clock), 10, clock.instant());
        cohort.getMentors().addAll(List.of("mentor", "mentor2"));
        when(cohorts.findByEnterpriseSlugOrderByStartDateAscIdAsc("ceb-press")).thenReturn(List.of(cohort));
        when(applications.openTraineesPerMentor(anyList()))
                .thenReturn(List.<Object[]>of(new Object[] {"mentor", 3L}, new Object[] {"mentor2", 1L}));

        assertThat(training.assignMentor(app.getId(), null)).isEqualTo("mentor2");
        assertThat(app.getStatus()).isEqualTo(TrainingApplication.Status.ACCEPTED);
    }

    @Test
    void takesTheReviewersMentorOnlyWhenThatUserIsAMentor() {
        var app = submitted();
        when(cohorts.findByEnterpriseSlugOrderByStartDateAscIdAsc("ceb-press")).thenReturn(List.of());
        when(applications.openTraineesPerMentor(anyList())).thenReturn(List.of());

        assertThat(training.assignMentor(app.getId(), "mentor3")).isEqualTo("mentor3");
        var other = submitted();
        assertThat(training.assignMentor(other.getId(), "certifier")).isEqualTo("mentor");
    }

    @Test
    void enrolsInTheFirstCohortWithAFreePlaceAndOpensOneWhenAllAreFull() {
        var app = submitted();
        app.accept("mentor", clock.instant());
        var full = withId(new Cohort("ceb-press", LocalDate.now(clock), 1, clock.instant()), 5L);
        when(cohorts.findByEnterpriseSlugOrderByStartDateAscIdAsc("ceb-press")).thenReturn(List.of(full));
        when(applications.countByCohortId(5L)).thenReturn(1L);
        when(cohorts.save(any())).thenAnswer(invocation -> withId(invocation.getArgument(0), 6L));
        when(milestones.latestCurriculumId("ceb-press")).thenReturn(Optional.of(9L));
        when(milestones.findByCurriculumIdOrderByPosition(9L))
                .thenReturn(List.of(
                        new CurriculumMilestone(9L, 0, "One", "", "", 7),
                        new CurriculumMilestone(9L, 1, "Two", "", "", 7)));

        var enrolment = training.enrol(app.getId());

        assertThat(enrolment).isEqualTo(new Training.Enrolment(6L, 2));
        assertThat(app.getStatus()).isEqualTo(TrainingApplication.Status.ENROLLED);
        assertThat(app.getCurriculumId()).isEqualTo(9L);
    }

    private TrainingApplication submitted() {
        long id = System.nanoTime();
        var app = withId(
                new TrainingApplication("trainee", "ceb-press", "motivation", null, "Accra", "Ghana", clock.instant()),
                id);
        when(applications.findById(id)).thenReturn(Optional.of(app));
        return app;
    }

    private static Training.Application application(String slug, String email) {
        return new Training.Application(
                "trainee", slug, "I want to build houses.", null, "Accra", "Ghana", email, false);
    }

    private static Directory.Person person(String id) {
        return new Directory.Person(id, id, null, id + "@example.org");
    }

    private static <T> T withId(T entity, Long id) {
        ReflectionTestUtils.setField(entity, "id", id);
        return entity;
    }
}
