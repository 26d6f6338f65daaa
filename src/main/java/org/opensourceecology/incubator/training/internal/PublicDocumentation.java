package org.opensourceecology.incubator.training.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opensourceecology.incubator.catalog.DocumentationCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public in-process documentation of an enterprise's trainees: the evidence links and notes of
 * every milestone a mentor signed off, for applications whose trainee consents now. Only signed-off
 * submissions: a mentor has looked at them, while a fresh or returned one may still be wrong or hold
 * what the trainee meant only for their mentor. Trainees appear under a pseudonymous label made from
 * the application number, never a name, user id or email. Read on every request (no cache), so a
 * withdrawal takes effect at once.
 */
@Component
class PublicDocumentation implements DocumentationCounts {

    /** Only absolute http(s) links become links; anything else (javascript:, data:, text) stays text. */
    private static final Pattern WEB_LINK = Pattern.compile("^https?://[^\\s<>\"]+$", Pattern.CASE_INSENSITIVE);

    private static final String PUBLIC = " a.consent_public_documentation_at is not null"
            + " and a.public_documentation_withdrawn_at is null and s.status = 'SIGNED_OFF'";

    /** One line of the evidence: a link when it is a web address, else plain text. */
    record Evidence(String text, String href) {}

    record Milestone(int number, String title, LocalDate signedOffOn, List<Evidence> evidence, String notes) {}

    /** One trainee's documentation, labelled by application number. */
    record Trainee(String label, boolean trainingCompleted, List<Milestone> milestones) {}

    private final JdbcClient jdbc;

    PublicDocumentation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Trainees with public documentation of the enterprise, oldest application first. */
    List<Trainee> of(String enterpriseSlug) {
        var byApplication = new LinkedHashMap<Long, List<Milestone>>();
        var completed = new LinkedHashMap<Long, Boolean>();
        jdbc.sql("select a.id, a.status, m.position, m.title, s.evidence_urls, s.notes, s.decided_at"
                        + " from training_application a"
                        + " join milestone_submission s on s.application_id = a.id"
                        + " join curriculum_milestone m on m.id = s.milestone_id"
                        + " where a.enterprise_slug = :slug and" + PUBLIC
                        + " order by a.id, m.position, s.attempt")
                .param("slug", enterpriseSlug)
                .query(rs -> {
                    long id = rs.getLong("id");
                    completed.put(
                            id, TrainingApplication.Status.COMPLETED.name().equals(rs.getString("status")));
                    Timestamp decided = rs.getTimestamp("decided_at");
                    byApplication
                            .computeIfAbsent(id, key -> new ArrayList<>())
                            .add(new Milestone(
                                    rs.getInt("position") + 1,
                                    rs.getString("title"),
                                    decided == null ? null : LocalDate.ofInstant(decided.toInstant(), ZoneOffset.UTC),
                                    evidence(rs.getString("evidence_urls")),
                                    blankToNull(rs.getString("notes"))));
                });
        return byApplication.entrySet().stream()
                .map(e -> new Trainee(String.valueOf(e.getKey()), completed.get(e.getKey()), List.copyOf(e.getValue())))
                .toList();
    }

    @Override
    public long countPublicMilestones(String enterpriseSlug) {
        return jdbc.sql("select count(*) from training_application a"
                        + " join milestone_submission s on s.application_id = a.id"
                        + " where a.enterprise_slug = :slug and" + PUBLIC)
                .param("slug", enterpriseSlug)
                .query(Long.class)
                .single();
    }

    /** The evidence as the trainee wrote it, one entry per non-blank line. */
    static List<Evidence> evidence(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> new Evidence(line, isWebLink(line) ? line : null))
                .toList();
    }

    static boolean isWebLink(String line) {
        if (!WEB_LINK.matcher(line).matches()) {
            return false;
        }
        try {
            var uri = new URI(line);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false; // shown as text: not a valid address
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
