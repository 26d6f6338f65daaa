package org.opensourceecology.incubator.certification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opensourceecology.incubator.catalog.CertifiedProducers;
import org.opensourceecology.incubator.certification.CertificateLookup;
import org.opensourceecology.incubator.certification.CertificationStatistics;
import org.opensourceecology.incubator.identity.Directory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read side of certification for other modules: lookups and SQL-aggregated statistics. */
@Component
class CertificationQueries implements CertificateLookup, CertifiedProducers, CertificationStatistics {

    private final JdbcClient jdbc;
    private final CertificateStore store;
    private final Directory directory;
    private final Clock clock;

    CertificationQueries(JdbcClient jdbc, CertificateStore store, Directory directory, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.store = store;
        this.directory = directory;
    }

    @Override
    public boolean hasValidCertificate(String holderId, String enterpriseSlug) {
        return store.hasValid(holderId, enterpriseSlug, clock.instant());
    }

    @Override
    public List<CertifiedProducer> certifiedProducersOf(String enterpriseSlug) {
        return store.validOf(enterpriseSlug, clock.instant()).stream()
                .map(c -> new CertifiedProducer(
                        c.id(),
                        // null while the identity store does not answer: the page says so
                        directory.displayName(c.holderId()).orElse(null),
                        c.validUntil().atZone(ZoneOffset.UTC).toLocalDate()))
                .toList();
    }

    /**
     * Holders and enterprises with a certificate valid now, including one revoked only because its
     * holder asked to be erased (until its original end of validity): erasure leaves the metric as it was.
     */
    @Override
    public long countCertifiedEnterprises() {
        return jdbc.sql("""
                        select count(*) from (select distinct holder_id, enterprise_slug from certificate
                                              where (status = 'VALID' or revoked_on_erasure)
                                                and valid_until > :now) certified""")
                .param("now", java.sql.Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
    }

    @Override
    public SortedMap<YearMonth, Long> certificatesIssuedByMonth() {
        var result = new TreeMap<YearMonth, Long>();
        jdbc.sql("""
                        select extract(year from issued_at) as y, extract(month from issued_at) as m, count(*) as issued
                        from certificate
                        group by extract(year from issued_at), extract(month from issued_at)""")
                .query((rs, n) -> result.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("issued")))
                .list();
        return result;
    }
}
