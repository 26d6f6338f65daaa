package org.opensourceecology.incubator.catalog.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opensourceecology.incubator.catalog.EnterpriseSpecificationProcess;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.opensourceecology.incubator.privacy.Subject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Enterprise specifications a person submitted. A specification is content under open licences, public
 * once published: erasure keeps it (the catalog count and its months stay) and replaces the
 * submitter's id by the pseudonym. Its review process instances hold the submitter's id, the
 * certifier's comments to them and their revision notes: {@code submittedBy} marks them as the
 * person's, so they are ended and deleted from history with the rest. A specification still in review
 * loses its review that way and goes back to {@code DRAFT}, as a withdrawn one does: never public.
 */
@Component
class CatalogPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    CatalogPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public Object export(Subject subject) {
        var export = new LinkedHashMap<String, Object>();
        if (!subject.hasUserId()) {
            return export;
        }
        export.put(
                "submittedSpecifications",
                jdbc.sql("select * from enterprise_specification where submitted_by = :user order by id")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        export.put(
                "revenueModels",
                jdbc.sql("select r.* from enterprise_revenue_model r join enterprise_specification s"
                                + " on s.id = r.specification_id where s.submitted_by = :user"
                                + " order by r.specification_id, r.revenue_model")
                        .param("user", subject.userId())
                        .query()
                        .listOfRows());
        export.put(
                "assets",
                jdbc.sql("select a.* from enterprise_asset a join enterprise_specification s"
                                + " on s.id = a.specification_id where s.submitted_by = :user"
                                + " order by a.specification_id, a.position")
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
        // their review instances are deleted (identifying variable below): nobody could publish it any more
        jdbc.sql("update enterprise_specification set status = 'DRAFT'"
                        + " where submitted_by = :user and status = 'IN_REVIEW'")
                .param("user", subject.userId())
                .update();
        PersonalData.pseudonymise(
                jdbc,
                subject,
                "update enterprise_specification set submitted_by = :pseudonym where submitted_by = :user");
    }

    @Override
    public Map<String, String> identifyingProcessVariables(Subject subject) {
        return subject.hasUserId()
                ? Map.of(EnterpriseSpecificationProcess.SUBMITTED_BY.name(), subject.userId())
                : Map.of();
    }
}
