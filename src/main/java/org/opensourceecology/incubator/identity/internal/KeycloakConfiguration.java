package org.opensourceecology.incubator.identity.internal;

import java.util.Map;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Profile {@code keycloak}: Keycloak is the identity store of the engine (users and groups through
 * camunda-platform-7-keycloak) and the sign-on of every person (OIDC) and client (Bearer tokens).
 *
 * <p>Every Keycloak endpoint is configured explicitly instead of discovered, so the application starts
 * and serves its public pages while Keycloak is down; only logging in needs it.
 */
@Configuration
@Profile("keycloak")
class KeycloakConfiguration {

    /** Camunda's users and groups come from Keycloak; read-only for the engine. */
    @Bean
    KeycloakIdentityProviderPlugin keycloakIdentityProviderPlugin(KeycloakSettings settings) {
        var plugin = new KeycloakIdentityProviderPlugin();
        plugin.setKeycloakIssuerUrl(settings.issuer());
        plugin.setKeycloakAdminUrl(settings.adminUrl());
        plugin.setClientId(settings.identityClientId());
        plugin.setClientSecret(settings.identityClientSecret());
        plugin.setUseUsernameAsCamundaUserId(true);
        plugin.setUseGroupPathAsCamundaGroupId(true);
        plugin.setDisableSSLCertificateValidation(false);
        // Query cache and login cache (user + password hash): short, so that a user or membership added
        // in Keycloak reaches the engine quickly and a Modeler session costs one password grant a minute.
        plugin.setCacheEnabled(true);
        plugin.setMaxCacheSize(500);
        plugin.setCacheExpirationTimeoutMin(settings.cacheTtlMinutes());
        plugin.setLoginCacheEnabled(true);
        plugin.setLoginCacheSize(500);
        plugin.setLoginCacheExpirationTimeoutMin(settings.cacheTtlMinutes());
        return plugin;
    }

    /**
     * The OIDC client for people's sign-on (code flow with PKCE). The password grant that the plugin
     * uses to check HTTP Basic credentials goes through the same client ({@code identityClientId} is
     * only for reading the directory).
     */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(KeycloakSettings settings) {
        var registration = ClientRegistration.withRegistrationId(KeycloakSettings.REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .issuerUri(settings.issuer())
                .authorizationUri(settings.endpoint("auth"))
                .tokenUri(settings.endpoint("token"))
                .jwkSetUri(settings.endpoint("certs"))
                .userInfoUri(settings.endpoint("userinfo"))
                .userNameAttributeName(KeycloakSignOn.USER_NAME_CLAIM)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", settings.endpoint("logout")))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** Tokens live in the HTTP session, so any node of a cluster can serve a signed-on person. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Bearer tokens: signed by the realm (keys fetched on first use) and issued by it. */
    @Bean
    JwtDecoder jwtDecoder(KeycloakSettings settings) {
        var decoder = NimbusJwtDecoder.withJwkSetUri(settings.endpoint("certs")).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
        return decoder;
    }
}
