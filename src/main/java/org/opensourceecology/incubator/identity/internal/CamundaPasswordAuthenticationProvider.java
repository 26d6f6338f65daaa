package org.opensourceecology.incubator.identity.internal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.opensourceecology.incubator.identity.Roles;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a user name and password against Camunda's identity service, so the portal login, HTTP Basic
 * on the REST API and the webapps all use one store: the built-in users, or Keycloak through the
 * identity provider plugin.
 */
class CamundaPasswordAuthenticationProvider implements AuthenticationProvider {

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
        if (!identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authoritiesOf(identityService, userId));
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
