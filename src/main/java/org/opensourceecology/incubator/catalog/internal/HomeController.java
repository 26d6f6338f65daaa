package org.opensourceecology.incubator.catalog.internal;

import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /}: what a Distributive Enterprise is, and the enterprises one can replicate. */
@Controller
class HomeController {

    private final EnterpriseSpecifications specifications;

    HomeController(EnterpriseSpecifications specifications) {
        this.specifications = specifications;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("enterprises", specifications.findAllPublished());
        return "home";
    }
}
