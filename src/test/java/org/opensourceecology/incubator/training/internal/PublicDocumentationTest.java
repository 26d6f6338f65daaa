package org.opensourceecology.incubator.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensourceecology.incubator.training.internal.PublicDocumentation.Evidence;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which submissions the public documentation page shows, on the Flyway schema (embedded H2): only
 * signed-off milestones of applications whose trainee consents now; and how evidence lines become links.
 */
@JdbcTest
@Import(PublicDocumentation.class)
class PublicDocumentationTest {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicDocumentation documentation;

    long first;
    long second;

    @BeforeEach
    void curriculum() {
        jdbc.sql("insert into curriculum (enterprise_slug, version, created_at) values ('doc-press', 1, :t)")
                .param("t", Timestamp.from(T))
                .update();
        long curriculum = jdbc.sql("select id from curriculum where enterprise_slug = 'doc-press'")
                .query(Long.class)
                .single();
        first = milestone(curriculum, 0, "Safety");
        second = milestone(curriculum, 1, "Frame");
    }

    @Test
    void showsOnlySignedOffMilestonesOfConsentingTrainees() {
        long consenting = application("doc-press", "ENROLLED", T, null);
        submission(consenting, first, 1, "RETURNED", "https://wiki.example.org/first-try", "wrong");
        submission(consenting, first, 2, "SIGNED_OFF", "https://wiki.example.org/shop\n\n  photo album  \n", "Done.");
        submission(consenting, second, 1, "SUBMITTED", "https://wiki.example.org/frame", "waiting");
        long neverAsked = application("doc-press", "ENROLLED", null, null);
        submission(neverAsked, first, 1, "SIGNED_OFF", "https://wiki.example.org/no-consent", "private");
        long withdrawn = application("doc-press", "COMPLETED", T, T.plusSeconds(60));
        submission(withdrawn, first, 1, "SIGNED_OFF", "https://wiki.example.org/withdrawn", "gone");
        long elsewhere = application("other-press", "ENROLLED", T, null);
        submission(elsewhere, first, 1, "SIGNED_OFF", "https://wiki.example.org/elsewhere", "other");

        var trainees = documentation.of("doc-press");

        assertThat(trainees).hasSize(1);
        var trainee = trainees.get(0);
        assertThat(trainee.label()).isEqualTo(String.valueOf(consenting));
        assertThat(trainee.trainingCompleted()).isFalse();
        assertThat(trainee.milestones())
                .containsExactly(new PublicDocumentation.Milestone(
                        1,
                        "Safety",
                        LocalDate.of(2026, 11, 21),
                        List.of(
                                new Evidence("https://wiki.example.org/shop", "https://wiki.example.org/shop"),
                                new Evidence("photo album", null)),
                        "Done."));
        assertThat(documentation.countPublicMilestones("doc-press")).isOne();
        assertThat(documentation.countPublicMilestones("other-press")).isOne();
        assertThat(documentation.countPublicMilestones("no-such-press")).isZero();
        assertThat(documentation.of("no-such-press")).isEmpty();
    }

    @Test
    void aCompletedTrainingIsShownAsCompleted() {
        long done = application("doc-press", "COMPLETED", T, null);
        submission(done, first, 1, "SIGNED_OFF", "https://wiki.example.org/a", null);
        submission(done, second, 1, "SIGNED_OFF", "https://wiki.example.org/b", " ");

        var trainee = documentation.of("doc-press").get(0);

        assertThat(trainee.trainingCompleted()).isTrue();
        assertThat(trainee.milestones())
                .extracting(PublicDocumentation.Milestone::number)
                .containsExactly(1, 2);
        assertThat(trainee.milestones())
                .extracting(PublicDocumentation.Milestone::notes)
                .containsOnlyNulls();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript://%0aalert(1)",
                "data:text/html,<script>alert(1)</script>",
                "ftp://example.org/file",
                "https://",
                "https://example.org/a b",
                "https://example.org/\"onmouseover=\"x",
                "//example.org/path",
                "see the wiki"
            })
    void onlyAbsoluteWebAddressesBecomeLinks(String line) {
        assertThat(PublicDocumentation.evidence(line)).containsExactly(new Evidence(line, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://wiki.opensourceecology.org/wiki/CEB_Press", "HTTP://example.org/x?y=1&z=2#top"})
    void webAddressesBecomeLinks(String line) {
        assertThat(PublicDocumentation.evidence(" " + line + " ")).containsExactly(new Evidence(line, line));
    }

    private long milestone(long curriculum, int position, String title) {
        jdbc.sql("insert into curriculum_milestone (curriculum_id, position, title, description, evidence_required,"
                        + " expected_days) values (:c, :p, :title, 'd', 'e', 7)")
                .param("c", curriculum)
                .param("p", position)
                .param("title", title)
                .update();
        return jdbc.sql("select id from curriculum_milestone where curriculum_id = :c and position = :p")
                .param("c", curriculum)
                .param("p", position)
                .query(Long.class)
                .single();
    }

    private long application(String slug, String status, Instant consent, Instant withdrawn) {
        String trainee = "t" + System.nanoTime();
        jdbc.sql("insert into training_application (trainee_id, enterprise_slug, motivation, city, country, status,"
                        + " submitted_at, consent_public_documentation_at, public_documentation_withdrawn_at)"
                        + " values (:trainee, :slug, 'm', 'Accra', 'Ghana', :status, :t, :consent, :withdrawn)")
                .param("trainee", trainee)
                .param("slug", slug)
                .param("status", status)
                .param("t", Timestamp.from(T))
                .param("consent", consent == null ? null : Timestamp.from(consent))
                .param("withdrawn", withdrawn == null ? null : Timestamp.from(withdrawn))
                .update();
        return jdbc.sql("select id from training_application where trainee_id = :trainee")
                .param("trainee", trainee)
                .query(Long.class)
                .single();
    }

    private void submission(
            long application, long milestone, int attempt, String status, String evidence, String notes) {
        jdbc.sql("insert into milestone_submission (application_id, milestone_id, attempt, evidence_urls, notes,"
                        + " status, submitted_at, decided_at) values (:a, :m, :attempt, :evidence, :notes, :status, :t,"
                        + " :decided)")
                .param("a", application)
                .param("m", milestone)
                .param("attempt", attempt)
                .param("evidence", evidence)
                .param("notes", notes)
                .param("status", status)
                .param("t", Timestamp.from(T))
                .param("decided", "SUBMITTED".equals(status) ? null : Timestamp.from(T.plusSeconds(86_400)))
                .update();
    }
}
