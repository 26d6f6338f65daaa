package org.opensourceecology.incubator.identity.internal;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code keycloak}: the {@code keycloak} component of {@code /actuator/health}, UP while the
 * realm answers. It is left out of the readiness group on purpose: while Keycloak is down the public
 * pages keep working, so a load balancer must keep sending people to every node; monitoring sees the
 * outage in the overall health.
 */
@Component
@Profile("keycloak")
class KeycloakHealthIndicator extends AbstractHealthIndicator {

    private final KeycloakSignOn signOn;
    private final KeycloakSettings settings;

    KeycloakHealthIndicator(KeycloakSignOn signOn, KeycloakSettings settings) {
        super("Keycloak does not answer");
        this.signOn = signOn;
        this.settings = settings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("issuer", settings.issuer());
        signOn.probe();
        builder.up();
    }
}
