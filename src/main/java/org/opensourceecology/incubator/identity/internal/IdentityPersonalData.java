package org.opensourceecology.incubator.identity.internal;

import java.util.LinkedHashMap;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.opensourceecology.incubator.privacy.Subject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the identity module holds about a person: their preferred language (user_preference) and, with
 * Keycloak, their account there. Runs last among the modules, so that the account, which the erasure
 * needs to find the person's names, is deleted only after everything else has been erased; a Keycloak
 * that does not answer makes the whole erasure fail and roll back, to be tried again.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class IdentityPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final ObjectProvider<KeycloakAccounts> keycloak;

    IdentityPersonalData(JdbcClient jdbc, ObjectProvider<KeycloakAccounts> keycloak) {
        this.jdbc = jdbc;
        this.keycloak = keycloak;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public Object export(Subject subject) {
        var export = new LinkedHashMap<String, Object>();
        if (subject.hasUserId()) {
            export.put(
                    "preferences",
                    jdbc.sql("select locale, updated_at from user_preference where user_id = :user")
                            .param("user", subject.userId())
                            .query()
                            .listOfRows());
        }
        return export;
    }

    @Override
    public void erase(Subject subject) {
        if (!subject.hasUserId()) {
            return;
        }
        jdbc.sql("delete from user_preference where user_id = :user")
                .param("user", subject.userId())
                .update();
        keycloak.ifAvailable(accounts -> accounts.delete(subject.userId()));
    }
}
