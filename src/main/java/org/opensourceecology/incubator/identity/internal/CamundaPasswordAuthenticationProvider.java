package org.opensourceecology.incubator.identity.internal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.opensourceecology.incubator.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Checks a user name and password against Camunda's identity service, so the portal login, HTTP Basic
 * on the REST API and the webapps all use one store: the built-in users, or Keycloak through the
 * identity provider plugin.
 *
 * <p>With Keycloak, a wrong password is a 400 {@code invalid_grant} answer to the plugin's password
 * grant, which the plugin reports as an exception: that is a wrong password here (401), not a server
 * error. Successful checks are cached by the plugin's login cache (user + password hash).
 */
class CamundaPasswordAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(CamundaPasswordAuthenticationProvider.class);

    private final IdentityService identityService;

    CamundaPasswordAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("User name and password are required");
        }
        if (!checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authoritiesOf(identityService, userId));
    }

    private boolean checkPassword(String userId, String password) {
        try {
            return identityService.checkPassword(userId, password);
        } catch (ProcessEngineException e) {
            if (rejectedCredentials(e)) {
                return false;
            }
            log.warn("Could not check the password of {}: {}", userId, e.getMessage());
            throw new AuthenticationServiceException("The identity provider could not check the password", e);
        }
    }

    /** The identity provider answered, and the answer was "no": 400 invalid_grant or 401. */
    static boolean rejectedCredentials(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClientErrorException http) {
                int status = http.getStatusCode().value();
                return status == 401
                        || (status == 400 && http.getResponseBodyAsString().contains("invalid_grant"));
            }
        }
        return false;
    }

    static List<GrantedAuthority> authoritiesOf(IdentityService identityService, String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(groupId -> new SimpleGrantedAuthority(Roles.authority(groupId)))
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
