package org.opensourceecology.incubator.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.catalog.CatalogStatistics;
import org.opensourceecology.incubator.catalog.EnterpriseSpecificationProcess;
import org.opensourceecology.incubator.privacy.Subject;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.opensourceecology.incubator.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A submitter's specifications on PostgreSQL: exported with their revenue models and assets; erasure
 * keeps them (a published one stays published and counted) under the pseudonym, and one still in
 * review, whose review goes with the person, returns to draft.
 */
@IntegrationTest
class CatalogPersonalDataIT {

    @Autowired
    CatalogPersonalData personalData;

    @Autowired
    CatalogStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void exportsASubmittersSpecificationsAndErasureKeepsThemUnderThePseudonym() {
        String submitter = "spec" + TestUsers.uniqueSuffix();
        long published = specification("published-" + TestUsers.uniqueSuffix(), "PUBLISHED", submitter);
        long inReview = specification("in-review-" + TestUsers.uniqueSuffix(), "IN_REVIEW", submitter);
        long someoneElses = specification("someone-" + TestUsers.uniqueSuffix(), "IN_REVIEW", "someone" + submitter);
        jdbc.sql("insert into enterprise_revenue_model (specification_id, revenue_model) values (:id, 'TRAINING')")
                .param("id", published)
                .update();
        jdbc.sql("insert into enterprise_asset (specification_id, position, type, title, url)"
                        + " values (:id, 0, 'QC_PROCEDURE', 'QC', 'https://example.org/qc')")
                .param("id", published)
                .update();
        var subject = Subject.of(submitter, null);

        @SuppressWarnings("unchecked")
        var export = (Map<String, List<Map<String, Object>>>) personalData.export(subject);
        assertThat(export.get("submittedSpecifications"))
                .extracting(row -> ((Number) row.get("id")).longValue())
                .containsExactly(published, inReview);
        assertThat(export.get("revenueModels"))
                .extracting(row -> row.get("revenue_model"))
                .containsExactly("TRAINING");
        assertThat(export.get("assets")).extracting(row -> row.get("url")).containsExactly("https://example.org/qc");
        assertThat(personalData.identifyingProcessVariables(subject))
                .containsExactly(Map.entry(EnterpriseSpecificationProcess.SUBMITTED_BY.name(), submitter));
        long count = statistics.countPublishedSpecifications();
        var months = statistics.publishedSpecificationsByMonth();

        transactions.executeWithoutResult(tx -> personalData.erase(subject));

        assertThat(row(published))
                .containsEntry("status", "PUBLISHED")
                .containsEntry("submitted_by", subject.pseudonym());
        assertThat(row(inReview)).containsEntry("status", "DRAFT").containsEntry("submitted_by", subject.pseudonym());
        assertThat(row(someoneElses)).containsEntry("status", "IN_REVIEW");
        assertThat(statistics.countPublishedSpecifications()).isEqualTo(count);
        assertThat(statistics.publishedSpecificationsByMonth()).isEqualTo(months);
        assertThat(jdbc.sql("select count(*) from enterprise_specification where submitted_by = :user")
                        .param("user", submitter)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(personalData.export(subject))
                .isEqualTo(
                        Map.of("submittedSpecifications", List.of(), "revenueModels", List.of(), "assets", List.of()));
    }

    private long specification(String slug, String status, String submittedBy) {
        jdbc.sql("insert into enterprise_specification (slug, name, summary, category, version, hardware_license,"
                        + " software_license, documentation_license, operations_manual_url, operations_manual_version,"
                        + " open_source_statement, business_model_statement, dogfooding_statement, status, submitted_by,"
                        + " created_at, published_at) values (:slug, 'Spec ' || :slug, 'A press.', 'Construction', '1.0',"
                        + " 'CERN-OHL-S-2.0', 'GPL-3.0-or-later', 'CC-BY-SA-4.0', 'https://example.org/manual', '1',"
                        + " 'Open.', 'Public prices.', 'We use it.', :status, :submittedBy, current_timestamp,"
                        + " case when :status = 'PUBLISHED' then current_timestamp end)")
                .param("slug", slug)
                .param("status", status)
                .param("submittedBy", submittedBy)
                .update();
        return jdbc.sql("select id from enterprise_specification where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("select status, submitted_by from enterprise_specification where id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }
}
