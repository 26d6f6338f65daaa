package org.opensourceecology.incubator.notification.internal;

import java.time.Clock;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/mail}: the outbox for admins, with failed mail to retry; the local mailbox in development. */
@Controller
@RequestMapping("/admin/mail")
class MailAdminController {

    private final OutboxRepository outbox;
    private final MailDispatcher dispatcher;
    private final Clock clock;

    MailAdminController(OutboxRepository outbox, MailDispatcher dispatcher, Clock clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("mails", outbox.findAllByOrderByCreatedAtDesc(Limit.of(200)));
        model.addAttribute("transport", dispatcher.transportName());
        return "admin/mail";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        int retried = outbox.retry(id, clock.instant());
        redirect.addFlashAttribute(
                "message", retried == 1 ? "Mail " + id + " is queued again." : "Mail " + id + " was not failed.");
        return "redirect:/admin/mail";
    }
}
