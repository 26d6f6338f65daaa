package org.opensourceecology.incubator.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.identity.Directory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * What people, clients and operators get when Keycloak does not answer or says no: clear answers, no 500.
 */
class KeycloakUnavailableTest {

    @Test
    void loginPageSaysThatSigningInIsNotPossibleWhileKeycloakIsDown() throws IOException {
        var settings = unreachableKeycloak();
        var configuration = new KeycloakConfiguration();
        var signOn = new KeycloakSignOn(
                settings,
                configuration.clientRegistrationRepository(settings),
                new HttpSessionOAuth2AuthorizedClientRepository());
        var beans = new StaticListableBeanFactory();
        beans.addBean("keycloakSignOn", signOn);
        var controller = new LoginController(beans.getBeanProvider(KeycloakSignOn.class));
        var model = new ExtendedModelMap();
        var response = new MockHttpServletResponse();

        String view = controller.login(null, model, response);

        assertThat(view).isEqualTo("identity/sign-on-failed");
        assertThat(response.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(model.get("reachable")).isEqualTo(false);
    }

    @Test
    void healthReportsKeycloakDownWithTheIssuerItAsked() throws IOException {
        var settings = unreachableKeycloak();
        var signOn = new KeycloakSignOn(
                settings,
                new KeycloakConfiguration().clientRegistrationRepository(settings),
                new HttpSessionOAuth2AuthorizedClientRepository());

        var health = new KeycloakHealthIndicator(signOn, settings).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .containsEntry("issuer", settings.issuer())
                .containsKey("error");
    }

    @Test
    void directorySaysTheIdentityStoreIsUnavailableAndPagesLeaveOnlyTheNameOut() {
        var identityService = mock(IdentityService.class);
        var query = mock(UserQuery.class, RETURNS_SELF);
        when(identityService.createUserQuery()).thenReturn(query);
        when(query.singleResult())
                .thenThrow(new IdentityProviderException(
                        "Unable to get access token from Keycloak server",
                        new ResourceAccessException("Connection refused")));
        var directory = new CamundaDirectory(identityService);

        assertThatThrownBy(() -> directory.find("trainee")).isInstanceOf(Directory.Unavailable.class);
        assertThat(directory.displayName("trainee")).isEmpty();
    }

    @Test
    void displayNameIsTheNameOrTheIdOfSomeoneTheStoreDoesNotKnow() {
        var identityService = mock(IdentityService.class);
        var query = mock(UserQuery.class, RETURNS_SELF);
        when(identityService.createUserQuery()).thenReturn(query);
        var known = new UserEntity("ada");
        known.setFirstName("Ada");
        known.setLastName("Builder");
        when(query.singleResult()).thenReturn(known, (User) null);
        var directory = new CamundaDirectory(identityService);

        assertThat(directory.displayName("ada")).contains("Ada Builder");
        assertThat(directory.displayName("gone")).contains("gone");
    }

    @Test
    void localLoginKeepsThePortalForm() {
        var controller = new LoginController(new StaticListableBeanFactory().getBeanProvider(KeycloakSignOn.class));

        assertThat(controller.login(null, new ExtendedModelMap(), new MockHttpServletResponse()))
                .isEqualTo("login");
    }

    @Test
    void invalidGrantFromKeycloakIsAWrongPassword() {
        var identityService = mock(IdentityService.class);
        var invalidGrant = HttpClientErrorException.create(
                HttpStatus.BAD_REQUEST,
                "Bad Request",
                HttpHeaders.EMPTY,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}"
                        .getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        when(identityService.checkPassword(anyString(), anyString()))
                .thenThrow(new IdentityProviderException("Unable to authenticate user", invalidGrant));
        var provider = new CamundaPasswordAuthenticationProvider(identityService);

        assertThatThrownBy(() ->
                        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void unreachableKeycloakIsAnAuthenticationServiceFailureNotAServerError() {
        var identityService = mock(IdentityService.class);
        when(identityService.checkPassword(anyString(), anyString()))
                .thenThrow(new IdentityProviderException(
                        "Unable to authenticate user", new ResourceAccessException("Connection refused")));
        var provider = new CamundaPasswordAuthenticationProvider(identityService);

        assertThatThrownBy(() ->
                        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "admin")))
                .isInstanceOf(AuthenticationServiceException.class);
    }

    @Test
    void erasureCannotDeleteTheAccountWhileKeycloakIsDownAndSaysSo() throws IOException {
        var accounts = new KeycloakAccounts(unreachableKeycloak());

        // Thrown inside the erasure's transaction, this rolls the whole erasure back, to be tried again.
        assertThatThrownBy(() -> accounts.delete("trainee"))
                .isInstanceOf(Directory.Unavailable.class)
                .hasMessageContaining("manage-users")
                .hasCauseInstanceOf(ResourceAccessException.class);
    }

    private static KeycloakSettings unreachableKeycloak() throws IOException {
        return new KeycloakSettings(
                "http://127.0.0.1:" + unusedPort(),
                "incubator",
                "incubator",
                "secret",
                "incubator-identity",
                "secret",
                Duration.ofMinutes(1),
                Duration.ofMillis(500));
    }

    private static int unusedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
