package org.opensourceecology.incubator.training.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.NoSuchElementException;
import org.opensourceecology.incubator.catalog.EnterprisePages;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code GET /enterprises/{slug}/documentation}: public, the in-process documentation of the
 * enterprise's trainees who consent. {@code POST /me/applications/{id}/public-documentation}: the
 * trainee gives ({@code consent=true}) or withdraws ({@code consent=false}) that consent for one of
 * their applications, from their journey page.
 */
@Controller
class DocumentationController {

    private final EnterpriseSpecifications specifications;
    private final PublicDocumentation documentation;
    private final Training training;

    DocumentationController(
            EnterpriseSpecifications specifications, PublicDocumentation documentation, Training training) {
        this.specifications = specifications;
        this.documentation = documentation;
        this.training = training;
    }

    @GetMapping("/enterprises/{slug}/documentation")
    String show(@PathVariable String slug, Model model, HttpServletResponse response) {
        var enterprise = specifications.findPublished(slug);
        if (enterprise.isEmpty()) {
            model.addAttribute("slug", slug);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return EnterprisePages.NOT_FOUND_VIEW;
        }
        model.addAttribute("enterprise", enterprise.get());
        model.addAttribute("trainees", documentation.of(enterprise.get().getSlug()));
        return "training/documentation";
    }

    @PostMapping("/me/applications/{applicationId}/public-documentation")
    RedirectView decide(@PathVariable long applicationId, @RequestParam boolean consent) {
        var user = CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        try {
            training.decidePublicDocumentation(applicationId, user.id(), consent);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage(), e);
        }
        var journey = new RedirectView("/me/journey#application-" + applicationId, true);
        journey.setStatusCode(HttpStatus.SEE_OTHER);
        return journey;
    }
}
