package org.opensourceecology.incubator.training.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.opensourceecology.incubator.privacy.Subject;
import org.opensourceecology.incubator.training.JourneyProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applications (with the consent to public documentation and its withdrawal) and milestone
 * submissions of a trainee, and the mentoring of a mentor. Erasure keeps every row (the funnel counts
 * them by status) and clears motivation, skills, city, notes, evidence, comments and the consent (so
 * nothing of theirs stays on the public documentation page); user ids become the pseudonym.
 */
@Component
class TrainingPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    TrainingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "training";
    }

    @Override
    public Object export(Subject subject) {
        var export = new LinkedHashMap<String, Object>();
        if (!subject.hasUserId()) {
            return export;
        }
        export.put(
                "applications",
                jdbc.sql("select * from training_application where trainee_id = :user order by id")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        export.put(
                "milestoneSubmissions",
                jdbc.sql("select s.* from milestone_submission s join training_application a on a.id = s.application_id"
                                + " where a.trainee_id = :user order by s.id")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        export.put(
                "mentoring",
                jdbc.sql(
                                "select id, enterprise_slug, status from training_application where mentor_id = :user order by id")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        export.put(
                "signOffs",
                jdbc.sql("select id, application_id, status, mentor_comment, decided_at from milestone_submission"
                                + " where signed_off_by = :user order by id")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        return export;
    }

    @Override
    public void erase(Subject subject) {
        if (!subject.hasUserId()) {
            return;
        }
        String user = subject.userId();
        String pseudonym = subject.pseudonym();
        jdbc.sql("update milestone_submission set evidence_urls = '', notes = null, mentor_comment = null"
                        + " where application_id in (select id from training_application where trainee_id = :user)")
                .param("user", user)
                .update();
        // the consent to public documentation goes too: with the notes and evidence cleared there is
        // nothing left to show, and the consent times are about the person
        jdbc.sql("update training_application set motivation = '', prior_skills = null, city = '', country = '',"
                        + " rejection_reason = null, consent_public_documentation_at = null,"
                        + " public_documentation_withdrawn_at = null, trainee_id = :pseudonym where trainee_id = :user")
                .param("user", user)
                .param("pseudonym", pseudonym)
                .update();
        // a mentor's comments are about the trainee's work, but written by the mentor: their id goes
        jdbc.sql("update milestone_submission set signed_off_by = :pseudonym where signed_off_by = :user")
                .param("user", user)
                .param("pseudonym", pseudonym)
                .update();
        jdbc.sql("update training_application set mentor_id = :pseudonym where mentor_id = :user")
                .param("user", user)
                .param("pseudonym", pseudonym)
                .update();
        jdbc.sql("delete from cohort_mentor where mentor_id = :user")
                .param("user", user)
                .update();
    }

    @Override
    public Map<String, String> identifyingProcessVariables(Subject subject) {
        return subject.hasUserId() ? Map.of(JourneyProcess.TRAINEE_ID.name(), subject.userId()) : Map.of();
    }
}
