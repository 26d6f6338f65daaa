package org.opensourceecology.incubator.metrics.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * For tests in other packages: the metrics exactly as {@code GET /api/metrics} serialises them (the six
 * metrics, the months and the funnel), but computed now rather than read from the few-seconds-old
 * snapshot the endpoint serves, so a before/after comparison sees every change.
 */
public final class CurrentMetrics {

    private CurrentMetrics() {}

    public static Map<String, Object> computeNow(ApplicationContext context) {
        Metrics metrics = context.getBean(MetricsService.class).compute();
        return context.getBean(ObjectMapper.class).convertValue(metrics, new TypeReference<Map<String, Object>>() {});
    }
}
