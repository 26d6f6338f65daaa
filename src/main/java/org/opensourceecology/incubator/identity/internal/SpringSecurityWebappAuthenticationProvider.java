package org.opensourceecology.incubator.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.opensourceecology.incubator.identity.CurrentUser;

/**
 * Container-based authentication for Tasklist, Cockpit and Admin: the webapps trust the user that
 * Spring Security logged in, so the portal and the webapps share one sign-on. Instantiated by
 * Camunda's {@code ContainerBasedAuthenticationFilter} by class name.
 */
public class SpringSecurityWebappAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return CurrentUser.get()
                .map(user -> {
                    var result = AuthenticationResult.successful(user.id());
                    result.setGroups(new ArrayList<>(user.groups()));
                    result.setTenants(new ArrayList<>());
                    return result;
                })
                .orElseGet(AuthenticationResult::unsuccessful);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security answers unauthenticated requests before they reach the webapps.
    }
}
