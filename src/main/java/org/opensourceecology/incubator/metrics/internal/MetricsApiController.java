package org.opensourceecology.incubator.metrics.internal;

import java.math.BigDecimal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/metrics} (JSON) and {@code GET /api/metrics.csv}: public, read-only, computed at most
 * every few seconds.
 */
@RestController
class MetricsApiController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final MetricsService metrics;

    MetricsApiController(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GetMapping(value = "/api/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Metrics> json() {
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofSeconds(10)).cachePublic())
                .body(metrics.current());
    }

    /** One row per figure ("tidy" long format), so a spreadsheet can pivot it any way. */
    @GetMapping("/api/metrics.csv")
    ResponseEntity<String> csv() {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"metrics.csv\"")
                .body(toCsv(metrics.current()));
    }

    static String toCsv(Metrics m) {
        var csv = new StringBuilder("section,name,month,currency,value\n");
        row(csv, "metric", "downloads", "", "", m.downloads());
        row(csv, "metric", "enterprisesReplicated", "", "", m.enterprisesReplicated());
        row(csv, "metric", "enterpriseSpecifications", "", "", m.enterpriseSpecifications());
        row(csv, "metric", "certifiedEnterprises", "", "", m.certifiedEnterprises());
        row(csv, "metric", "productionVolume", "", "", m.productionVolume());
        m.marketValue().forEach((currency, value) -> row(csv, "metric", "marketValue", "", currency, value));
        m.funnel().forEach(step -> row(csv, "funnel", step.step(), "", "", step.count()));
        for (Metrics.Month month : m.byMonth()) {
            row(csv, "byMonth", "downloads", month.month(), "", month.downloads());
            row(csv, "byMonth", "enterprisesReplicated", month.month(), "", month.enterprisesReplicated());
            row(csv, "byMonth", "enterpriseSpecifications", month.month(), "", month.enterpriseSpecifications());
            row(csv, "byMonth", "certificatesIssued", month.month(), "", month.certificatesIssued());
            row(csv, "byMonth", "applications", month.month(), "", month.applications());
            row(csv, "byMonth", "productionVolume", month.month(), "", month.productionVolume());
        }
        return csv.toString();
    }

    private static void row(
            StringBuilder csv, String section, String name, String month, String currency, Object value) {
        // every cell is a fixed name, a month, an ISO code or a number: nothing needs quoting
        csv.append(section)
                .append(',')
                .append(name)
                .append(',')
                .append(month)
                .append(',')
                .append(currency)
                .append(',')
                .append(value instanceof BigDecimal d ? d.toPlainString() : value)
                .append('\n');
    }
}
