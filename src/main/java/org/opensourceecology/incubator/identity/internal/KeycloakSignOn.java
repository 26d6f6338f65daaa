package org.opensourceecology.incubator.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.opensourceecology.incubator.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Profile {@code keycloak}: how people and clients sign on. People log in with OIDC (code flow) and
 * share one session between the portal and the Camunda webapps; logging out ends the Keycloak session
 * too. Clients send HTTP Basic (checked by the Camunda Keycloak plugin) or a Bearer token of the realm.
 * Keycloak groups (the {@code groups} claim) become {@code GROUP_<id>} authorities and the Keycloak
 * user name is the Camunda user id.
 */
@Component
@Profile("keycloak")
class KeycloakSignOn {

    private static final Logger log = LoggerFactory.getLogger(KeycloakSignOn.class);

    static final String USER_NAME_CLAIM = "preferred_username";
    static final String GROUPS_CLAIM = "groups";
    static final String LOGIN_START = "/oauth2/authorization/" + KeycloakSettings.REGISTRATION_ID;

    private final KeycloakSettings settings;
    private final ClientRegistrationRepository registrations;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final OidcUserService oidcUserService = new OidcUserService();
    private final RestClient keycloak;

    KeycloakSignOn(
            KeycloakSettings settings,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        this.settings = settings;
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(settings.probeTimeout());
        requestFactory.setReadTimeout(settings.probeTimeout().plus(Duration.ofSeconds(3)));
        this.keycloak = RestClient.builder().requestFactory(requestFactory).build();
    }

    /** Portal, JSON API and webapps: OIDC login, Bearer tokens, and a logout that ends both sessions. */
    void portal(HttpSecurity http, RequestMatcher portalLogout, RequestMatcher camundaLogout) throws Exception {
        var endSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endSession.setPostLogoutRedirectUri("{baseUrl}/?logout");
        http.oauth2Login(login -> login.loginPage("/login")
                        .failureUrl("/login?error")
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::loadUser)))
                .oauth2ResourceServer(this::bearerTokens)
                .logout(logout -> logout.logoutRequestMatcher(
                                request -> portalLogout.matches(request) || camundaLogout.matches(request))
                        .addLogoutHandler((request, response, authentication) -> {
                            if (camundaLogout.matches(request)) {
                                endKeycloakSession(request, authentication);
                            }
                        })
                        .logoutSuccessHandler((request, response, authentication) -> {
                            if (camundaLogout.matches(request)) {
                                // Tasklist, Cockpit and Admin log out with a script request: the Keycloak
                                // session has ended on the back channel, the webapp then shows /login.
                                response.setStatus(HttpServletResponse.SC_OK);
                            } else if (reachable()) {
                                // RP-initiated logout at Keycloak's end-session endpoint, back to the portal.
                                endSession.onLogoutSuccess(request, response, authentication);
                            } else {
                                // Keycloak does not answer: the portal session has ended; sending the
                                // browser to a dead end-session address would only show a connection
                                // error. Keycloak's own session then ends with its idle timeout.
                                response.sendRedirect(request.getContextPath() + "/?logout");
                            }
                        }))
                // A bookmarked or cached login start would send the browser to an address that does not
                // answer: while Keycloak is down it goes to /login, which says so in the person's language.
                .addFilterBefore(
                        (servletRequest, servletResponse, chain) -> {
                            var request = (HttpServletRequest) servletRequest;
                            if (LOGIN_START.equals(request.getRequestURI()
                                            .substring(request.getContextPath().length()))
                                    && !reachable()) {
                                ((HttpServletResponse) servletResponse)
                                        .sendRedirect(request.getContextPath() + "/login");
                                return;
                            }
                            chain.doFilter(servletRequest, servletResponse);
                        },
                        OAuth2AuthorizationRequestRedirectFilter.class);
    }

    /** {@code /engine-rest}: Bearer tokens of the realm besides HTTP Basic. */
    void engineRest(HttpSecurity http) throws Exception {
        http.oauth2ResourceServer(this::bearerTokens);
    }

    private void bearerTokens(
            org.springframework.security.config.annotation.web.configurers.oauth2.server.resource
                                    .OAuth2ResourceServerConfigurer<
                            HttpSecurity>
                    resourceServer) {
        resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(
                token -> new JwtAuthenticationToken(token, groupAuthorities(token.getClaims()), userName(token))));
    }

    /** Whether Keycloak answers now: the login page says so instead of sending people to a dead link. */
    boolean reachable() {
        try {
            probe();
            return true;
        } catch (RestClientException e) {
            log.warn("Keycloak at {} is not reachable: {}", settings.issuer(), e.getMessage());
            return false;
        }
    }

    /**
     * Asks Keycloak for the realm's OIDC discovery document, waiting at most the probe timeout.
     *
     * @throws RestClientException when Keycloak does not answer, or answers with an error (no such realm)
     */
    void probe() {
        keycloak.get()
                .uri(settings.issuer() + "/.well-known/openid-configuration")
                .retrieve()
                .toBodilessEntity();
    }

    private OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = oidcUserService.loadUser(request);
        var authorities = new LinkedHashSet<GrantedAuthority>(user.getAuthorities());
        authorities.addAll(groupAuthorities(user.getClaims()));
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), USER_NAME_CLAIM);
    }

    private static String userName(Jwt token) {
        String name = token.getClaimAsString(USER_NAME_CLAIM);
        return name != null ? name : token.getSubject();
    }

    /** The {@code groups} claim (group names, or paths if a mapper sends full paths) as authorities. */
    static List<GrantedAuthority> groupAuthorities(Map<String, Object> claims) {
        var authorities = new ArrayList<GrantedAuthority>();
        if (claims.get(GROUPS_CLAIM) instanceof Collection<?> groups) {
            for (Object group : groups) {
                String id = String.valueOf(group);
                id = id.startsWith("/") ? id.substring(1) : id;
                if (!id.isBlank()) {
                    authorities.add(new SimpleGrantedAuthority(Roles.authority(id)));
                }
            }
        }
        return authorities;
    }

    /** Ends the person's Keycloak session with the refresh token (OIDC back-channel, client-authenticated). */
    private void endKeycloakSession(HttpServletRequest request, Authentication authentication) {
        if (authentication == null) {
            return;
        }
        var client = authorizedClients.loadAuthorizedClient(KeycloakSettings.REGISTRATION_ID, authentication, request);
        if (client == null || client.getRefreshToken() == null) {
            return;
        }
        var form = new LinkedMultiValueMap<String, String>();
        form.add("client_id", settings.clientId());
        form.add("client_secret", settings.clientSecret());
        form.add("refresh_token", client.getRefreshToken().getTokenValue());
        try {
            keycloak.post()
                    .uri(settings.endpoint("logout"))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("Could not end the Keycloak session of {}: {}", authentication.getName(), e.getMessage());
        }
    }
}
