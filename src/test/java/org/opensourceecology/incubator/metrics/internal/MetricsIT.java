package org.opensourceecology.incubator.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

/** The public metrics: home page, dashboard, JSON, CSV and the Prometheus gauges. */
@IntegrationTest
class MetricsIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void theJsonHasExactlyTheAgreedKeys() {
        var response = http.exchange(
                "/api/metrics",
                org.springframework.http.HttpMethod.GET,
                null,
                new ParameterizedTypeReference<Map<String, Object>>() {});

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .containsOnlyKeys(
                        "downloads",
                        "enterprisesReplicated",
                        "enterpriseSpecifications",
                        "certifiedEnterprises",
                        "productionVolume",
                        "marketValue",
                        "byMonth",
                        "funnel");
        assertThat((java.util.List<?>) response.getBody().get("funnel")).hasSize(8);
    }

    @Test
    void csvHomePageAndDashboardRender() {
        var csv = http.getForEntity("/api/metrics.csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody())
                .startsWith("section,name,month,currency,value\n")
                .contains("metric,downloads,,,");

        var home = http.getForEntity("/", String.class);
        assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(home.getBody())
                .contains("The model in figures", "Operations Manual downloads", "Compressed Earth Brick Press");

        var dashboard = http.getForEntity("/metrics", String.class);
        assertThat(dashboard.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dashboard.getBody())
                .contains(
                        "funnel-table",
                        "Registered a replicated enterprise",
                        "/webjars/chart.js/",
                        "/dist/chart.umd.min.js");
        assertThat(http.getForEntity("/webjars/chart.js/dist/chart.umd.min.js", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    MetricsService metrics;

    /**
     * Spring Boot switches the Prometheus export off in tests (it needs @AutoConfigureObservability,
     * which would start a second context): the gauges are checked in the registry the exporter reads.
     */
    @Test
    void theSixMetricsAreGauges() {
        var current = metrics.current();
        assertThat(meters.get("incubator.downloads").gauge().value()).isEqualTo((double) current.downloads());
        assertThat(meters.get("incubator.enterprises.replicated").gauge().value())
                .isEqualTo((double) current.enterprisesReplicated());
        assertThat(meters.get("incubator.enterprise.specifications").gauge().value())
                .isEqualTo((double) current.enterpriseSpecifications());
        assertThat(meters.get("incubator.certified.enterprises").gauge().value())
                .isEqualTo((double) current.certifiedEnterprises());
        assertThat(meters.get("incubator.production.volume").gauge().value())
                .isEqualTo((double) current.productionVolume());
        // One row per currency; rows follow new currencies on the next scheduled refresh.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(meters.find("incubator.market.value").gauges())
                                .hasSameSizeAs(metrics.current().marketValue().keySet()));
        // anonymous visitors never reach the actuator's metrics
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getBody())
                .doesNotContain("incubator_downloads");
    }
}
