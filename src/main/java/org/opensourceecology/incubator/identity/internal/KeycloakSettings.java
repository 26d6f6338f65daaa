package org.opensourceecology.incubator.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incubator.identity.keycloak.*}, used by the {@code keycloak} profile: where Keycloak runs, the
 * application's OIDC client and the service-account client of Camunda's identity plugin. Values come
 * from the environment (application-keycloak.yaml); only the development realm has defaults.
 *
 * @param url Keycloak's base URL as browsers and the application reach it, e.g. http://localhost:8180
 * @param cacheTtl how long the plugin caches user and group queries and successful password checks
 *     (whole minutes, at least one): a change in Keycloak reaches the engine at the latest then
 * @param probeTimeout how long the login page waits for Keycloak before it says that it is unreachable
 */
@ConfigurationProperties("incubator.identity.keycloak")
record KeycloakSettings(
        String url,
        @DefaultValue("incubator") String realm,
        String clientId,
        String clientSecret,
        String identityClientId,
        String identityClientSecret,
        @DefaultValue("1m") Duration cacheTtl,
        @DefaultValue("2s") Duration probeTimeout) {

    static final String REGISTRATION_ID = "keycloak";

    /** The realm's issuer, e.g. http://localhost:8180/realms/incubator. */
    String issuer() {
        return stripSlash(url) + "/realms/" + realm;
    }

    String adminUrl() {
        return stripSlash(url) + "/admin/realms/" + realm;
    }

    String endpoint(String name) {
        return issuer() + "/protocol/openid-connect/" + name;
    }

    int cacheTtlMinutes() {
        return (int) Math.max(1, cacheTtl.toMinutes());
    }

    private static String stripSlash(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("incubator.identity.keycloak.url (KEYCLOAK_URL) is not set");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
