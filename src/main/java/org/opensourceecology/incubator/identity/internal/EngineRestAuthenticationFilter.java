package org.opensourceecology.incubator.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.opensourceecology.incubator.identity.CurrentUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user that Spring Security authenticated on {@code /engine-rest} to the engine for the
 * duration of the request, so Camunda's authorizations apply to every REST call.
 */
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineRestAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = CurrentUser.get();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        identityService.setAuthentication(
                user.get().id(), new ArrayList<>(user.get().groups()));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
