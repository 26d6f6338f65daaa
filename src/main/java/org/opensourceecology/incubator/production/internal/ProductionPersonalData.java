package org.opensourceecology.incubator.production.internal;

import java.util.LinkedHashMap;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.opensourceecology.incubator.privacy.Subject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Production runs of a producer. Erasure keeps runs, units and QC checks (volume and sales count
 * them) and replaces the producer's id by the pseudonym, so the number of distinct producers stays;
 * the documentation link and correction comments (free text about their work) are cleared.
 */
@Component
class ProductionPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ProductionPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "production";
    }

    @Override
    public Object export(Subject subject) {
        var export = new LinkedHashMap<String, Object>();
        if (!subject.hasUserId()) {
            return export;
        }
        export.put(
                "runs",
                jdbc.sql("select * from production_run where producer_id = :user order by id")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        export.put(
                "units",
                jdbc.sql("select u.id, u.run_id, u.serial_number from production_unit u"
                                + " join production_run r on r.id = u.run_id where r.producer_id = :user order by u.id")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        export.put(
                "verifiedOrMentored",
                jdbc.sql("select id, enterprise_slug, status from production_run"
                                + " where mentor_id = :user or verified_by = :user order by id")
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
        PersonalData.pseudonymise(
                jdbc,
                subject,
                "update production_run set documentation_url = null, correction_comment = null,"
                        + " producer_id = :pseudonym where producer_id = :user");
        PersonalData.pseudonymise(
                jdbc, subject, "update production_run set mentor_id = :pseudonym where mentor_id = :user");
        PersonalData.pseudonymise(
                jdbc, subject, "update production_run set verified_by = :pseudonym where verified_by = :user");
    }
}
