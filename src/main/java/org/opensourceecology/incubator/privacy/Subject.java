package org.opensourceecology.incubator.privacy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The person a privacy request is about: a Camunda user id and/or an email address (at least one), and
 * their names when the identity store knows them.
 * {@link #pseudonym()} is a random id, the same for every module within one erasure and never stored
 * beside the real id, so rows that must stay for the metrics keep their distinct counts but can no
 * longer be linked to the person.
 */
public record Subject(String userId, String email, List<String> names, String pseudonym) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Subject {
        userId = blankToNull(userId);
        email = blankToNull(email) == null ? null : email.strip().toLowerCase(Locale.ROOT);
        if (userId == null && email == null) {
            throw new IllegalArgumentException("A subject needs a user id or an email address");
        }
        names = names == null
                ? List.of()
                : names.stream().filter(n -> n != null && !n.isBlank()).toList();
        if (pseudonym == null) {
            byte[] bytes = new byte[8];
            RANDOM.nextBytes(bytes);
            pseudonym = "erased" + HexFormat.of().formatHex(bytes);
        }
    }

    public static Subject of(String userId, String email) {
        return new Subject(userId, email, List.of(), null);
    }

    public Subject withEmail(String email) {
        return new Subject(userId, email, names, pseudonym);
    }

    public Subject withUserId(String userId) {
        return new Subject(userId, email, names, pseudonym);
    }

    /** The person's names (first, last) as the identity store knew them: free text may mention them. */
    public Subject withNames(List<String> names) {
        return new Subject(userId, email, names, pseudonym);
    }

    public boolean hasUserId() {
        return userId != null;
    }

    public boolean hasEmail() {
        return email != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
