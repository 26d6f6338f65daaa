package org.opensourceecology.incubator.metrics.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /metrics}: the dashboard, charts with a data table as their text alternative. */
@Controller
class MetricsPageController {

    private final MetricsService metrics;

    MetricsPageController(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/metrics")
    String dashboard(Model model) {
        model.addAttribute("metrics", metrics.current());
        return "metrics/dashboard";
    }
}
