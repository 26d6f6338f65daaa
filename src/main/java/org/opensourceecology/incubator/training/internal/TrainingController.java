package org.opensourceecology.incubator.training.internal;

import org.opensourceecology.incubator.identity.CurrentUser;
import org.opensourceecology.incubator.identity.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** The trainee's journey and the mentor's trainees. */
@Controller
class TrainingController {

    private final TrainingViews views;

    TrainingController(TrainingViews views) {
        this.views = views;
    }

    @GetMapping("/me/journey")
    String journey(Model model) {
        var user = currentUser();
        model.addAttribute("applications", views.journeyOf(user.id()));
        model.addAttribute("isMentor", user.isIn(Roles.MENTORS) || user.isAdmin());
        return "training/journey";
    }

    @GetMapping("/mentor/trainees")
    String trainees(Model model) {
        var user = currentUser();
        if (!user.isIn(Roles.MENTORS) && !user.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only mentors have trainees");
        }
        model.addAttribute("trainees", views.traineesOf(user.id()));
        var queue = views.awaitingReview();
        model.addAttribute("applications", queue.oldest());
        model.addAttribute("applicationsWaiting", queue.waiting());
        return "training/trainees";
    }

    private static CurrentUser currentUser() {
        return CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }
}
