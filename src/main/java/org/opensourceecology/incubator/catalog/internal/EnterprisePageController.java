package org.opensourceecology.incubator.catalog.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.opensourceecology.incubator.catalog.EnterprisePages;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public catalog: {@code GET /enterprises} (search by name and category) and one enterprise's page. */
@Controller
class EnterprisePageController {

    private final EnterpriseSpecifications specifications;
    private final EnterprisePages pages;

    EnterprisePageController(EnterpriseSpecifications specifications, EnterprisePages pages) {
        this.specifications = specifications;
        this.pages = pages;
    }

    @GetMapping("/enterprises")
    String list(
            @RequestParam(name = "q", defaultValue = "") String name,
            @RequestParam(defaultValue = "") String category,
            Model model) {
        String query = name.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        model.addAttribute("q", query);
        model.addAttribute("category", category);
        model.addAttribute("categories", specifications.publishedCategories());
        model.addAttribute("enterprises", specifications.searchPublished(query, category.strip()));
        return "catalog/enterprises";
    }

    @GetMapping("/enterprises/{slug}")
    String show(@PathVariable String slug, Model model, HttpServletResponse response) {
        if (!pages.fill(slug, model)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return EnterprisePages.NOT_FOUND_VIEW;
        }
        return EnterprisePages.VIEW;
    }
}
