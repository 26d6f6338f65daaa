package org.opensourceecology.incubator.metrics.internal;

import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /}: what a Distributive Enterprise is, OSE's headline metrics, and the enterprises one can
 * replicate. It lives in metrics because metrics may depend on the catalog, not the other way round.
 */
@Controller
class HomeController {

    private final EnterpriseSpecifications specifications;
    private final MetricsService metrics;

    HomeController(EnterpriseSpecifications specifications, MetricsService metrics) {
        this.specifications = specifications;
        this.metrics = metrics;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("enterprises", specifications.findAllPublished());
        model.addAttribute("metrics", metrics.current());
        return "metrics/home";
    }
}
