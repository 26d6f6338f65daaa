package org.opensourceecology.incubator.identity.internal;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.opensourceecology.incubator.identity.Roles;
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
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * One security model for the whole application. Spring Security authenticates every request; the
 * engine's REST API and the Camunda webapps are handed the authenticated user so that Camunda's
 * authorizations decide what each person may see and do.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String REALM = "Distributive Enterprise Incubator";

    @Bean
    AuthenticationManager authenticationManager(IdentityService identityService) {
        return new ProviderManager(new CamundaPasswordAuthenticationProvider(identityService));
    }

    /** {@code /engine-rest}: stateless HTTP Basic, as Camunda Modeler and scripts use it. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(
            HttpSecurity http, AuthenticationManager authenticationManager, IdentityService identityService)
            throws Exception {
        var entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName(REALM);
        // An Ant matcher: the REST API is a Jersey servlet, which a Spring MVC matcher would not match.
        return http.securityMatcher(antMatcher("/engine-rest/**"))
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new EngineRestAuthenticationFilter(identityService), AuthorizationFilter.class)
                .build();
    }

    /** The portal, the JSON API and the Camunda webapps: one session, one sign-on. */
    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        var camundaLogout = antMatcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");
        return http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/", "/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/img/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/enterprises/**", "/map", "/metrics", "/certificates/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/enterprises/*/downloads")
                        .permitAll()
                        .requestMatchers("/unsubscribe/**")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/enterprises/**",
                                "/api/map",
                                "/api/metrics",
                                "/api/metrics.csv",
                                "/api/certificates/**")
                        .permitAll()
                        .requestMatchers("/admin/**", "/actuator/**")
                        .hasAuthority(Roles.authority(Roles.ADMINS))
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .httpBasic(basic -> basic.realmName(REALM))
                .logout(logout -> logout.logoutRequestMatcher(
                                new OrRequestMatcher(antMatcher(HttpMethod.POST, "/logout"), camundaLogout))
                        .logoutSuccessUrl("/?logout"))
                // The webapps protect their own API with Camunda's CSRF filter; the JSON API takes
                // JSON bodies only, which browsers cannot send across sites without CORS.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/api/**"))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/camunda/api/**"))))
                .build();
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
