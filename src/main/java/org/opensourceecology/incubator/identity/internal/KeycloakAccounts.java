package org.opensourceecology.incubator.identity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.opensourceecology.incubator.identity.Directory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Profile {@code keycloak}: deletes a person's Keycloak account (name, email, credentials, sessions)
 * through Keycloak's admin REST API, with the service account of the identity client (it needs the
 * realm-management role {@code manage-users}).
 */
@Component
@Profile("keycloak")
class KeycloakAccounts {

    private final KeycloakSettings settings;
    private final RestClient keycloak;

    KeycloakAccounts(KeycloakSettings settings) {
        this.settings = settings;
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(settings.probeTimeout());
        requestFactory.setReadTimeout(settings.probeTimeout().plus(Duration.ofSeconds(8)));
        this.keycloak = RestClient.builder().requestFactory(requestFactory).build();
    }

    /**
     * Deletes the account whose user name is {@code username}; nothing happens when there is none.
     *
     * @return whether an account was deleted
     * @throws Directory.Unavailable when Keycloak does not answer or refuses: nothing was deleted
     */
    boolean delete(String username) {
        try {
            String token = serviceAccountToken();
            JsonNode found = keycloak.get()
                    .uri(
                            settings.adminUrl() + "/users?exact=true&briefRepresentation=true&username={username}",
                            username)
                    .header("Authorization", "Bearer " + token)
                    .retrieve()
                    .body(JsonNode.class);
            if (found == null || !found.isArray()) {
                throw new Directory.Unavailable("Keycloak answered the user search with no list", null);
            }
            for (JsonNode user : found) {
                // exact=true matches case-insensitively; user names in Keycloak are lower case
                if (username.equalsIgnoreCase(user.path("username").asText())) {
                    keycloak.delete()
                            .uri(
                                    settings.adminUrl() + "/users/{id}",
                                    user.path("id").asText())
                            .header("Authorization", "Bearer " + token)
                            .retrieve()
                            .toBodilessEntity();
                    return true;
                }
            }
            return false;
        } catch (RestClientException e) {
            throw new Directory.Unavailable(
                    "Keycloak did not delete the account (is it up, and does the identity client have the"
                            + " realm-management role manage-users?)",
                    e);
        }
    }

    private String serviceAccountToken() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", settings.identityClientId());
        form.add("client_secret", settings.identityClientSecret());
        JsonNode answer = keycloak.post()
                .uri(settings.endpoint("token"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(JsonNode.class);
        if (answer == null || !answer.hasNonNull("access_token")) {
            throw new Directory.Unavailable("Keycloak gave the identity client no token", null);
        }
        return answer.get("access_token").asText();
    }
}
