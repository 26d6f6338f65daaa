package org.opensourceecology.incubator.metrics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.opensourceecology.incubator.catalog.CatalogStatistics;
import org.opensourceecology.incubator.certification.CertificationStatistics;
import org.opensourceecology.incubator.download.DownloadStatistics;
import org.opensourceecology.incubator.production.ProductionStatistics;
import org.opensourceecology.incubator.replication.ReplicationStatistics;
import org.opensourceecology.incubator.training.TrainingStatistics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Computes the metrics from each module's statistics (SQL aggregates there) and keeps the result for
 * a short while, so that a busy home page or a Prometheus scrape costs a handful of queries at most
 * every {@code incubator.metrics.cache-ttl}. A module whose statistics are not available counts as
 * zero.
 */
@Service
class MetricsService {

    private final ObjectProvider<DownloadStatistics> downloads;
    private final ObjectProvider<CatalogStatistics> catalog;
    private final ObjectProvider<TrainingStatistics> training;
    private final ObjectProvider<ProductionStatistics> production;
    private final ObjectProvider<CertificationStatistics> certification;
    private final ObjectProvider<ReplicationStatistics> replication;
    private final MetricsSettings settings;
    private final Clock clock;

    private record Snapshot(Metrics metrics, Instant at) {}

    private volatile Snapshot snapshot;

    /** When the metrics were last read by a page, the API or a scrape; null: never. */
    private volatile Instant lastRead;

    MetricsService(
            ObjectProvider<DownloadStatistics> downloads,
            ObjectProvider<CatalogStatistics> catalog,
            ObjectProvider<TrainingStatistics> training,
            ObjectProvider<ProductionStatistics> production,
            ObjectProvider<CertificationStatistics> certification,
            ObjectProvider<ReplicationStatistics> replication,
            MetricsSettings settings,
            Clock clock) {
        this.downloads = downloads;
        this.catalog = catalog;
        this.training = training;
        this.production = production;
        this.certification = certification;
        this.replication = replication;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The metrics, at most {@code cacheTtl} old. The background refresh keeps the snapshot young, so
     * a request computes only when the application has just started or the refresh fell behind.
     */
    Metrics current() {
        lastRead = clock.instant();
        var fresh = fresh();
        return fresh != null ? fresh : refreshIfStale();
    }

    private Metrics fresh() {
        var current = this.snapshot;
        return current != null && clock.instant().isBefore(current.at().plus(settings.cacheTtl()))
                ? current.metrics()
                : null;
    }

    /** Many requests that find the snapshot stale at once compute it once. */
    private synchronized Metrics refreshIfStale() {
        var fresh = fresh();
        return fresh != null ? fresh : refresh();
    }

    /** The last snapshot, however old, without asking for a newer one; empty before the first. */
    Optional<Metrics> latest() {
        var current = this.snapshot;
        return current == null ? Optional.empty() : Optional.of(current.metrics());
    }

    /**
     * The background refresh, while someone reads the metrics: after {@code idleAfter} without a reader
     * it pauses, so that an idle node does not aggregate its tables every few seconds (at 1M downloads
     * and 10k replicated enterprises a refresh takes about 0.16 s, bench/run f), and the next reader
     * computes them once.
     */
    @Scheduled(
            initialDelayString = "${incubator.metrics.refresh-interval:PT5S}",
            fixedDelayString = "${incubator.metrics.refresh-interval:PT5S}")
    void refreshWhileRead() {
        var read = lastRead;
        if (snapshot != null && (read == null || !clock.instant().isBefore(read.plus(settings.idleAfter())))) {
            return;
        }
        refresh();
    }

    synchronized Metrics refresh() {
        Instant at = clock.instant();
        var metrics = compute();
        snapshot = new Snapshot(metrics, at);
        return metrics;
    }

    Metrics compute() {
        long downloadCount = count(downloads, DownloadStatistics::countDownloads);
        long replicated = count(replication, ReplicationStatistics::countReplicatedEnterprises);
        long certified = count(certification, CertificationStatistics::countCertifiedEnterprises);
        long volume = count(production, ProductionStatistics::verifiedUnitsBuilt)
                + count(replication, ReplicationStatistics::reportedUnitsProduced);
        var marketValue = new TreeMap<String, BigDecimal>();
        map(production, ProductionStatistics::verifiedSalesValueByCurrency)
                .forEach((currency, value) -> marketValue.merge(currency, value, BigDecimal::add));
        map(replication, ReplicationStatistics::reportedSalesByCurrency)
                .forEach((currency, value) -> marketValue.merge(currency, value, BigDecimal::add));
        marketValue.replaceAll((currency, value) -> value.setScale(2, RoundingMode.HALF_UP));

        var funnel = List.of(
                new Metrics.FunnelStep("downloads", downloadCount),
                new Metrics.FunnelStep("applications", count(training, TrainingStatistics::countApplications)),
                new Metrics.FunnelStep("enrolled", count(training, TrainingStatistics::countEnrolled)),
                new Metrics.FunnelStep(
                        "trainingCompleted", count(training, TrainingStatistics::countTrainingCompleted)),
                new Metrics.FunnelStep(
                        "verifiedProduction", count(production, ProductionStatistics::countProducersWithVerifiedRun)),
                new Metrics.FunnelStep("certified", certified),
                new Metrics.FunnelStep("replicated", replicated),
                new Metrics.FunnelStep(
                        "reporting", count(replication, ReplicationStatistics::countReportingEnterprises)));

        return new Metrics(
                downloadCount,
                replicated,
                count(catalog, CatalogStatistics::countPublishedSpecifications),
                certified,
                volume,
                marketValue,
                byMonth(),
                funnel);
    }

    private List<Metrics.Month> byMonth() {
        var downloadsByMonth = map(downloads, DownloadStatistics::downloadsByMonth);
        var replicatedByMonth = map(replication, ReplicationStatistics::replicatedByMonth);
        var specificationsByMonth = map(catalog, CatalogStatistics::publishedSpecificationsByMonth);
        var certificatesByMonth = map(certification, CertificationStatistics::certificatesIssuedByMonth);
        var applicationsByMonth = map(training, TrainingStatistics::applicationsByMonth);
        var verifiedUnits = map(production, ProductionStatistics::verifiedUnitsByMonth);
        var reportedUnits = map(replication, ReplicationStatistics::reportedUnitsByMonth);
        var months = new TreeSet<YearMonth>();
        for (Map<YearMonth, Long> series : List.of(
                downloadsByMonth,
                replicatedByMonth,
                specificationsByMonth,
                certificatesByMonth,
                applicationsByMonth,
                verifiedUnits,
                reportedUnits)) {
            months.addAll(series.keySet());
        }
        var result = new ArrayList<Metrics.Month>();
        for (YearMonth month : months) {
            result.add(new Metrics.Month(
                    month.toString(),
                    downloadsByMonth.getOrDefault(month, 0L),
                    replicatedByMonth.getOrDefault(month, 0L),
                    specificationsByMonth.getOrDefault(month, 0L),
                    certificatesByMonth.getOrDefault(month, 0L),
                    applicationsByMonth.getOrDefault(month, 0L),
                    verifiedUnits.getOrDefault(month, 0L) + reportedUnits.getOrDefault(month, 0L)));
        }
        return result;
    }

    private static <S> long count(ObjectProvider<S> provider, ToLongFunction<S> figure) {
        S statistics = provider.getIfAvailable();
        return statistics == null ? 0 : figure.applyAsLong(statistics);
    }

    private static <S, K, V> SortedMap<K, V> map(ObjectProvider<S> provider, Function<S, SortedMap<K, V>> figure) {
        S statistics = provider.getIfAvailable();
        return statistics == null ? new TreeMap<>() : figure.apply(statistics);
    }
}
