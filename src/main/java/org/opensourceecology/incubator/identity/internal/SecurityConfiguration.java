package org.opensourceecology.incubator.identity.internal;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.opensourceecology.incubator.identity.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One security model for the whole application. Spring Security authenticates every request; the
 * engine's REST API and the Camunda webapps are handed the authenticated user so that Camunda's
 * authorizations decide what each person may see and do.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String REALM = "Distributive Enterprise Incubator";

    static final String CSRF_COOKIE = "INCUBATOR-CSRF";

    /**
     * The portal serves scripts and styles only from itself (WebJars included); map tiles may come from
     * any https tile server; nothing may frame the pages.
     */
    static final String PORTAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " frame-ancestors 'none'";

    @Bean
    AuthenticationManager authenticationManager(IdentityService identityService) {
        return new ProviderManager(new CamundaPasswordAuthenticationProvider(identityService));
    }

    /**
     * {@code /engine-rest}: stateless HTTP Basic, as Camunda Modeler and scripts use it (and, in the
     * keycloak profile, Bearer tokens of the realm).
     */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            IdentityService identityService,
            ObjectProvider<KeycloakSignOn> keycloak)
            throws Exception {
        var entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName(REALM);
        var signOn = keycloak.getIfAvailable();
        useLocalAuthenticationManager(http, authenticationManager, signOn);
        http.securityMatcher(antMatcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .addFilterAfter(new EngineRestAuthenticationFilter(identityService), AuthorizationFilter.class);
        if (signOn != null) {
            signOn.engineRest(http);
        }
        return http.build();
    }

    /** The portal, the JSON API and the Camunda webapps: one session, one sign-on. */
    @Bean
    @Order(2)
    SecurityFilterChain portal(
            HttpSecurity http, AuthenticationManager authenticationManager, ObjectProvider<KeycloakSignOn> keycloak)
            throws Exception {
        var portalLogout = antMatcher(HttpMethod.POST, "/logout");
        var camundaLogout = antMatcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");
        var signOn = keycloak.getIfAvailable();
        useLocalAuthenticationManager(http, authenticationManager, signOn);
        http.authorizeHttpRequests(auth -> auth.requestMatchers(ant(
                                null,
                                "/",
                                "/login",
                                "/error",
                                "/favicon.ico",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/unsubscribe/**"))
                        .permitAll()
                        .requestMatchers(ant(
                                HttpMethod.GET,
                                "/enterprises/**",
                                "/map",
                                "/metrics",
                                "/certificates/**",
                                "/api/enterprises/**",
                                "/api/map",
                                "/api/metrics",
                                "/api/metrics.csv",
                                "/api/certificates/**"))
                        .permitAll()
                        .requestMatchers(ant(HttpMethod.POST, "/enterprises/*/downloads"))
                        .permitAll()
                        .requestMatchers(ant(null, "/admin/**", "/actuator/**"))
                        .hasAuthority(Roles.authority(Roles.ADMINS))
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.realmName(REALM))
                // The webapps protect their own API with Camunda's CSRF filter; the JSON API takes
                // JSON bodies only, which browsers cannot send across sites without CORS.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .ignoringRequestMatchers(ant(null, "/camunda/**", "/api/**")))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/camunda/api/**"))))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // The webapps send their own Content-Security-Policy (Camunda's header filter).
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(antMatcher("/camunda/**")),
                                new StaticHeadersWriter("Content-Security-Policy", PORTAL_CSP))));
        if (signOn == null) {
            // Local users: the portal's login form.
            http.formLogin(form -> form.loginPage("/login").permitAll())
                    .logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(portalLogout, camundaLogout))
                            .logoutSuccessUrl("/?logout"));
        } else {
            signOn.portal(http, portalLogout, camundaLogout);
        }
        return http.build();
    }

    /**
     * The portal's CSRF token lives in a cookie (double submit: the form's token must match it), not in
     * the HTTP session: an anonymous visitor's download form would otherwise create a session, and with
     * sessions in the database every download read and updated a session row (the download benchmark:
     * two commits per download instead of one). Its own cookie name: Camunda's webapps use
     * {@code XSRF-TOKEN} under {@code /camunda}.
     */
    static CookieCsrfTokenRepository csrfTokens() {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName("X-INCUBATOR-CSRF");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /**
     * Sets the CSRF cookie before a page is rendered: a token first asked for while a long page streams
     * out could no longer add its cookie to the committed response, and the form would then be refused.
     */
    static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Local users: the password check is the chain's only authentication. With Keycloak the chain adds
     * the OIDC and JWT providers, and the password check (the {@code authenticationManager} bean) is
     * their parent.
     */
    private static void useLocalAuthenticationManager(
            HttpSecurity http, AuthenticationManager authenticationManager, KeycloakSignOn signOn) {
        if (signOn == null) {
            http.authenticationManager(authenticationManager);
        }
    }

    /**
     * Path matchers that do not depend on Spring MVC: {@code /engine-rest} and {@code /camunda/api}
     * are served by Jersey servlets, which MVC-based matchers silently miss.
     */
    static RequestMatcher[] ant(HttpMethod method, String... patterns) {
        return Arrays.stream(patterns)
                .map(pattern -> method == null ? antMatcher(pattern) : antMatcher(method, pattern))
                .toArray(RequestMatcher[]::new);
    }

    /** Tasklist, Cockpit and Admin take the user from the Spring Security session. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(
                Map.of("authentication-provider", SpringSecurityWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
