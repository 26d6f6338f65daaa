package org.opensourceecology.incubator.replication.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.opensourceecology.incubator.privacy.Subject;
import org.opensourceecology.incubator.replication.ReplicationProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replicated enterprises and reports of an owner. Erasure keeps the enterprises and their reports (they
 * count as enterprises replicated, production volume and market value) and replaces the owner's id by
 * the pseudonym; it takes the pin off the map at once (consent, coordinates and city cleared, the
 * withdrawal time set for the map's cache) and clears the website and the free-text notes of their reports.
 */
@Component
class ReplicationPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ReplicationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "replication";
    }

    @Override
    public Object export(Subject subject) {
        var export = new LinkedHashMap<String, Object>();
        if (!subject.hasUserId()) {
            return export;
        }
        export.put(
                "enterprises",
                jdbc.sql("select * from replicated_enterprise where owner_id = :user or id in"
                                + " (select enterprise_id from replicated_enterprise_co_owner where owner_id = :user)"
                                + " order by id")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        export.put(
                "reports",
                jdbc.sql("select * from production_report where submitted_by = :user order by id")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        export.put(
                "trainedEnterprises",
                jdbc.sql(
                                "select id, name, enterprise_slug from replicated_enterprise where trained_by = :user order by id")
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
                "update replicated_enterprise set owner_id = :pseudonym, city = '', latitude = null, longitude = null,"
                        + " consent_map = false, consent_map_at = null,"
                        // a withdrawal time tells every node's map cache that a pin must go now
                        + " map_consent_withdrawn_at = case when consent_map then current_timestamp"
                        + " else map_consent_withdrawn_at end,"
                        + " website = null where owner_id = :user");
        PersonalData.pseudonymise(
                jdbc,
                subject,
                "update replicated_enterprise_co_owner set owner_id = :pseudonym where owner_id = :user");
        PersonalData.pseudonymise(
                jdbc, subject, "update replicated_enterprise set trained_by = :pseudonym where trained_by = :user");
        PersonalData.pseudonymise(
                jdbc,
                subject,
                "update production_report set notes = null, submitted_by = :pseudonym where submitted_by = :user");
    }

    @Override
    public Map<String, String> identifyingProcessVariables(Subject subject) {
        return subject.hasUserId() ? Map.of(ReplicationProcess.OWNER_ID.name(), subject.userId()) : Map.of();
    }
}
