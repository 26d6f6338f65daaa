package org.opensourceecology.incubator.notification.internal;

import java.time.Clock;
import java.util.Map;
import org.opensourceecology.incubator.identity.CurrentUser;
import org.opensourceecology.incubator.identity.Directory;
import org.opensourceecology.incubator.notification.Notifications;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
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
    private final Notifications notifications;
    private final Directory directory;
    private final TransactionTemplate transactions;

    MailAdminController(
            OutboxRepository outbox,
            MailDispatcher dispatcher,
            Clock clock,
            Notifications notifications,
            Directory directory,
            TransactionTemplate transactions) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.notifications = notifications;
        this.directory = directory;
        this.transactions = transactions;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("mails", outbox.findAllByOrderByCreatedAtDesc(Limit.of(200)));
        model.addAttribute("transport", dispatcher.transportName());
        return "admin/mail";
    }

    /** Sends a test mail to the logged-in admin, to check the SMTP settings. */
    @PostMapping("/test")
    String sendTest(RedirectAttributes redirect) {
        var admin = CurrentUser.get().orElseThrow();
        var person = directory.find(admin.id());
        if (person.isEmpty()
                || person.get().email() == null
                || person.get().email().isBlank()) {
            redirect.addFlashAttribute("message", "Your user has no email address to send a test mail to.");
        } else {
            transactions.executeWithoutResult(tx -> notifications.send(
                    person.get().email(),
                    "notification-test",
                    Map.of("text", "Sent from /admin/mail."),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute(
                    "message", "A test mail to " + person.get().email() + " is queued.");
        }
        return "redirect:/admin/mail";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        int retried = outbox.retry(id, clock.instant());
        redirect.addFlashAttribute(
                "message", retried == 1 ? "Mail " + id + " is queued again." : "Mail " + id + " was not failed.");
        return "redirect:/admin/mail";
    }
}
