package org.opensourceecology.incubator.replication.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.opensourceecology.incubator.certification.ProductionReportsSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A certificate holder's production reports count as evidence for renewing the certificate. */
@Component
class ReportsAsRenewalEvidence implements ProductionReportsSource {

    private final JdbcClient jdbc;

    ReportsAsRenewalEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long reportsSince(String holderId, String enterpriseSlug, Instant since) {
        return jdbc.sql(
                        "select count(*) from production_report r join replicated_enterprise e on e.id = r.enterprise_id"
                                + " where e.enterprise_slug = :slug and r.submitted_at >= :since and (e.owner_id = :holder"
                                + " or exists (select 1 from replicated_enterprise_co_owner c"
                                + " where c.enterprise_id = e.id and c.owner_id = :holder))")
                .param("slug", enterpriseSlug)
                .param("since", Timestamp.from(since))
                .param("holder", holderId)
                .query(Long.class)
                .single();
    }
}
