package org.opensourceecology.incubator.privacy.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import java.util.regex.Pattern;
import org.opensourceecology.incubator.privacy.Subject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /me/data}: a logged-in person's export (JSON) and self-service erasure (page with a
 * confirmation form: type your user id). {@code /admin/privacy}: export and erasure by email or user
 * id for admins (the security configuration already restricts {@code /admin/**} to camunda-admin).
 */
@Controller
class PrivacyController {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}$");
    static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9]{1,64}$");

    private final PrivacyService privacy;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    PrivacyController(
            PrivacyService privacy, ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.privacy = privacy;
        this.sessions = sessions;
    }

    /** Stored sessions name their user (principal index): every session of an erased user goes. */
    private void endSessionsOf(String userId) {
        var repository = sessions.getIfAvailable();
        if (repository != null && userId != null) {
            repository.findByPrincipalName(userId).keySet().forEach(repository::deleteById);
        }
    }

    @GetMapping(value = "/me/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> myData(Principal principal) {
        return privacy.export(Subject.of(principal.getName(), null));
    }

    @GetMapping("/me/data/erasure")
    String erasurePage(Principal principal, Model model) {
        model.addAttribute("userId", principal.getName());
        return "privacy/erasure";
    }

    @PostMapping("/me/data/erasure")
    String erase(
            Principal principal,
            @RequestParam(required = false) String confirmation,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        String userId = principal.getName();
        if (confirmation == null || !confirmation.strip().equals(userId)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("userId", userId);
            model.addAttribute("confirmationError", true);
            return "privacy/erasure";
        }
        privacy.erase(Subject.of(userId, null));
        endSessionsOf(userId);
        new SecurityContextLogoutHandler()
                .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/?erased";
    }

    @GetMapping("/admin/privacy")
    Object adminExport(@RequestParam(required = false) String email, @RequestParam(required = false) String userId) {
        if (email == null && userId == null) {
            return "privacy/admin";
        }
        var subject = subject(email, userId);
        if (subject instanceof ResponseEntity<?> error) {
            return error;
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(privacy.export((Subject) subject));
    }

    @PostMapping("/admin/privacy/erasure")
    @ResponseBody
    ResponseEntity<?> adminErase(
            @RequestParam(required = false) String email, @RequestParam(required = false) String userId) {
        var subject = subject(email, userId);
        if (subject instanceof ResponseEntity<?> error) {
            return error;
        }
        var erased = privacy.erase((Subject) subject);
        endSessionsOf(erased.userId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("erased", true));
    }

    /** A subject, or a 400 answer saying what is wrong with the input. */
    private static Object subject(String email, String userId) {
        boolean noEmail = email == null || email.isBlank();
        boolean noUser = userId == null || userId.isBlank();
        if (noEmail && noUser) {
            return badRequest("Give an email address or a user id");
        }
        if (!noEmail && !EMAIL.matcher(email.strip()).matches()) {
            return badRequest("Not an email address: " + email.strip());
        }
        if (!noUser && !USER_ID.matcher(userId.strip()).matches()) {
            return badRequest("A user id has 1 to 64 letters and digits");
        }
        return Subject.of(noUser ? null : userId, noEmail ? null : email);
    }

    private static ResponseEntity<Map<String, String>> badRequest(String message) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", message));
    }
}
