package org.opensourceecology.incubator.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * The language a logged-in person chose on the portal, remembered so that their mail arrives in it.
 * Personal data of the person (user_preference, keyed by Camunda user id).
 */
public interface PreferredLanguages {

    Optional<Locale> of(String userId);

    void remember(String userId, Locale locale);
}
