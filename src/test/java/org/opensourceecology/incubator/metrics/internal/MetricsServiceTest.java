package org.opensourceecology.incubator.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.catalog.CatalogStatistics;
import org.opensourceecology.incubator.certification.CertificationStatistics;
import org.opensourceecology.incubator.download.DownloadStatistics;
import org.opensourceecology.incubator.production.ProductionStatistics;
import org.opensourceecology.incubator.replication.ReplicationStatistics;
import org.opensourceecology.incubator.training.TrainingStatistics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The metrics combine the modules' statistics (simple fakes here); a missing module counts as zero. */
class MetricsServiceTest {

    static final YearMonth OCT = YearMonth.of(2026, 10);
    static final YearMonth NOV = YearMonth.of(2026, 11);

    final AtomicLong downloads = new AtomicLong(1200);
    final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    Instant now = Instant.parse("2026-11-24T12:00:00Z");

    MetricsService service() {
        var clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new MetricsService(
                provider(DownloadStatistics.class),
                provider(CatalogStatistics.class),
                provider(TrainingStatistics.class),
                provider(ProductionStatistics.class),
                provider(CertificationStatistics.class),
                provider(ReplicationStatistics.class),
                new MetricsSettings(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(2)),
                clock);
    }

    <T> ObjectProvider<T> provider(Class<T> type) {
        return beans.getBeanProvider(type);
    }

    void registerAll() {
        beans.addBean("downloads", new DownloadStatistics() {
            public long countDownloads() {
                return downloads.get();
            }

            public SortedMap<YearMonth, Long> downloadsByMonth() {
                return new TreeMap<>(java.util.Map.of(OCT, 200L, NOV, 1000L));
            }
        });
        beans.addBean("catalog", new CatalogStatistics() {
            public long countPublishedSpecifications() {
                return 2;
            }

            public SortedMap<YearMonth, Long> publishedSpecificationsByMonth() {
                return new TreeMap<>(java.util.Map.of(OCT, 2L));
            }
        });
        beans.addBean("training", new TrainingStatistics() {
            public long countApplications() {
                return 40;
            }

            public long countEnrolled() {
                return 30;
            }

            public long countTrainingCompleted() {
                return 20;
            }

            public SortedMap<YearMonth, Long> applicationsByMonth() {
                return new TreeMap<>(java.util.Map.of(NOV, 40L));
            }
        });
        beans.addBean("production", new ProductionStatistics() {
            public long countVerifiedRuns() {
                return 12;
            }

            public long countProducersWithVerifiedRun() {
                return 10;
            }

            public long verifiedUnitsBuilt() {
                return 100;
            }

            public SortedMap<String, BigDecimal> verifiedSalesValueByCurrency() {
                return new TreeMap<>(java.util.Map.of("USD", new BigDecimal("5000.0000"), "EUR", new BigDecimal("10")));
            }

            public SortedMap<YearMonth, Long> verifiedUnitsByMonth() {
                return new TreeMap<>(java.util.Map.of(NOV, 100L));
            }
        });
        beans.addBean("certification", new CertificationStatistics() {
            public long countCertifiedEnterprises() {
                return 8;
            }

            public SortedMap<YearMonth, Long> certificatesIssuedByMonth() {
                return new TreeMap<>(java.util.Map.of(NOV, 8L));
            }
        });
        beans.addBean("replication", new ReplicationStatistics() {
            public long countReplicatedEnterprises() {
                return 6;
            }

            public SortedMap<YearMonth, Long> replicatedByMonth() {
                return new TreeMap<>(java.util.Map.of(NOV, 6L));
            }

            public long reportedUnitsProduced() {
                return 50;
            }

            public SortedMap<String, BigDecimal> reportedSalesByCurrency() {
                return new TreeMap<>(java.util.Map.of("USD", new BigDecimal("2500.5"), "NGN", new BigDecimal("90000")));
            }

            public SortedMap<YearMonth, Long> reportedUnitsByMonth() {
                return new TreeMap<>(java.util.Map.of(OCT, 20L, NOV, 30L));
            }

            public long countReportingEnterprises() {
                return 4;
            }
        });
    }

    @Test
    void combinesTheSixMetricsTheFunnelAndTheMonths() {
        registerAll();

        var metrics = service().current();

        assertThat(metrics.downloads()).isEqualTo(1200);
        assertThat(metrics.enterprisesReplicated()).isEqualTo(6);
        assertThat(metrics.enterpriseSpecifications()).isEqualTo(2);
        assertThat(metrics.certifiedEnterprises()).isEqualTo(8);
        assertThat(metrics.productionVolume()).isEqualTo(150);
        assertThat(metrics.marketValue())
                .containsExactly(
                        java.util.Map.entry("EUR", new BigDecimal("10.00")),
                        java.util.Map.entry("NGN", new BigDecimal("90000.00")),
                        java.util.Map.entry("USD", new BigDecimal("7500.50")));
        assertThat(metrics.funnel())
                .extracting(Metrics.FunnelStep::step, Metrics.FunnelStep::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("downloads", 1200L),
                        org.assertj.core.groups.Tuple.tuple("applications", 40L),
                        org.assertj.core.groups.Tuple.tuple("enrolled", 30L),
                        org.assertj.core.groups.Tuple.tuple("trainingCompleted", 20L),
                        org.assertj.core.groups.Tuple.tuple("verifiedProduction", 10L),
                        org.assertj.core.groups.Tuple.tuple("certified", 8L),
                        org.assertj.core.groups.Tuple.tuple("replicated", 6L),
                        org.assertj.core.groups.Tuple.tuple("reporting", 4L));
        assertThat(metrics.byMonth())
                .containsExactly(
                        new Metrics.Month("2026-10", 200, 0, 2, 0, 0, 20),
                        new Metrics.Month("2026-11", 1000, 6, 0, 8, 40, 130));
    }

    @Test
    void aModuleWithoutStatisticsCountsAsZero() {
        var metrics = service().current();

        assertThat(metrics.downloads()).isZero();
        assertThat(metrics.productionVolume()).isZero();
        assertThat(metrics.marketValue()).isEmpty();
        assertThat(metrics.byMonth()).isEmpty();
        assertThat(metrics.funnel())
                .hasSize(8)
                .allSatisfy(step -> assertThat(step.count()).isZero());
    }

    @Test
    void servesTheSameSnapshotUntilTheCacheExpires() {
        registerAll();
        var service = service();
        assertThat(service.current().downloads()).isEqualTo(1200);

        downloads.set(1201);
        now = now.plusSeconds(9);
        assertThat(service.current().downloads()).isEqualTo(1200);

        now = now.plusSeconds(1);
        assertThat(service.current().downloads()).isEqualTo(1201);
    }

    @Test
    void theBackgroundRefreshRunsWhileTheMetricsAreReadAndPausesWhenNobodyReads() {
        registerAll();
        var service = service();
        service.refreshWhileRead();
        assertThat(service.latest())
                .hasValueSatisfying(m -> assertThat(m.downloads()).isEqualTo(1200));

        downloads.set(1201);
        service.refreshWhileRead();
        assertThat(service.latest().orElseThrow().downloads())
                .as("nobody has read the metrics yet")
                .isEqualTo(1200);

        service.current();
        now = now.plusSeconds(60);
        service.refreshWhileRead();
        assertThat(service.latest().orElseThrow().downloads()).isEqualTo(1201);

        downloads.set(1202);
        now = now.plusSeconds(60);
        service.refreshWhileRead();
        assertThat(service.latest().orElseThrow().downloads())
                .as("two minutes after the last reader")
                .isEqualTo(1201);

        now = now.plusSeconds(1);
        assertThat(service.current().downloads())
                .as("the next reader computes once")
                .isEqualTo(1202);
    }

    @Test
    void csvHasOneRowPerFigure() {
        registerAll();

        String csv = MetricsApiController.toCsv(service().current());

        assertThat(csv)
                .startsWith("section,name,month,currency,value\n")
                .contains(
                        "metric,downloads,,,1200\n",
                        "metric,marketValue,,USD,7500.50\n",
                        "funnel,reporting,,,4\n",
                        "byMonth,productionVolume,2026-11,,130\n");
        assertThat(csv.lines()).hasSize(1 + 5 + 3 + 8 + 2 * 6);
    }
}
