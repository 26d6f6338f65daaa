package org.opensourceecology.incubator.metrics.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.LongSupplier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The six metrics as gauges at {@code /actuator/prometheus}: {@code incubator_downloads},
 * {@code incubator_enterprises_replicated}, {@code incubator_enterprise_specifications},
 * {@code incubator_certified_enterprises}, {@code incubator_production_volume} and
 * {@code incubator_market_value{currency="..."}}. They read the cached snapshot, so a scrape costs no
 * more queries than a page view. The market value has one row per currency, refreshed on a schedule
 * (never during a scrape).
 */
@Component
class MetricsGauges implements MeterBinder {

    private final MetricsService metrics;
    private volatile MultiGauge marketValue;

    MetricsGauges(MetricsService metrics) {
        this.metrics = metrics;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(
                registry,
                "incubator.downloads",
                "Operations Manual downloads",
                () -> metrics.current().downloads());
        gauge(
                registry,
                "incubator.enterprises.replicated",
                "Enterprises replicated",
                () -> metrics.current().enterprisesReplicated());
        gauge(
                registry,
                "incubator.enterprise.specifications",
                "Published enterprise specifications",
                () -> metrics.current().enterpriseSpecifications());
        gauge(
                registry,
                "incubator.certified.enterprises",
                "Certified enterprises",
                () -> metrics.current().certifiedEnterprises());
        gauge(
                registry,
                "incubator.production.volume",
                "Units produced in verified runs and reported",
                () -> metrics.current().productionVolume());
        marketValue = MultiGauge.builder("incubator.market.value")
                .description("Sales value of verified runs and reports, per currency")
                .register(registry);
        refreshMarketValue();
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
    void refreshMarketValue() {
        var gauge = marketValue;
        if (gauge == null) {
            return;
        }
        // the currencies of the latest snapshot: this schedule is no reader that keeps the refresh going
        var latest = metrics.latest();
        if (latest.isEmpty()) {
            return;
        }
        gauge.register(
                latest.get().marketValue().keySet().stream()
                        .map(currency -> MultiGauge.Row.of(
                                Tags.of("currency", currency),
                                metrics,
                                m -> m.current()
                                        .marketValue()
                                        .getOrDefault(currency, java.math.BigDecimal.ZERO)
                                        .doubleValue()))
                        .toList(),
                true);
    }

    private static void gauge(MeterRegistry registry, String name, String description, LongSupplier value) {
        Gauge.builder(name, value, v -> (double) v.getAsLong())
                .description(description)
                .strongReference(true)
                .register(registry);
    }
}
