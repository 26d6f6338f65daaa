package org.opensourceecology.incubator.download.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /unsubscribe/{token}}: the link in every follow-up mail. GET asks for confirmation (mail
 * scanners follow links), POST ends the follow-up and erases the email. Idempotent.
 */
@Controller
class UnsubscribeController {

    static final String VIEW = "download/unsubscribe";

    private final Downloads downloads;

    UnsubscribeController(Downloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/unsubscribe/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        var download = downloads.findByToken(token);
        if (download.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("state", "unknown");
            return VIEW;
        }
        model.addAttribute("token", token);
        model.addAttribute("state", download.get().getFollowUpWithdrawnAt() == null ? "confirm" : "done");
        return VIEW;
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!downloads.unsubscribe(token)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("state", "unknown");
            return VIEW;
        }
        model.addAttribute("state", "done");
        return VIEW;
    }
}
