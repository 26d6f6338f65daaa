package org.opensourceecology.incubator.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's login page; Spring Security handles the POST. With Keycloak, the page sends people on to
 * Keycloak's login, or says clearly that signing in is not possible right now.
 */
@Controller
class LoginController {

    private final ObjectProvider<KeycloakSignOn> keycloak;

    LoginController(ObjectProvider<KeycloakSignOn> keycloak) {
        this.keycloak = keycloak;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model, HttpServletResponse response) {
        var signOn = keycloak.getIfAvailable();
        if (signOn == null) {
            return "login";
        }
        boolean reachable = signOn.reachable();
        if (error == null && reachable) {
            return "redirect:" + KeycloakSignOn.LOGIN_START;
        }
        model.addAttribute("reachable", reachable);
        response.setStatus(
                reachable ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "identity/sign-on-failed";
    }
}
