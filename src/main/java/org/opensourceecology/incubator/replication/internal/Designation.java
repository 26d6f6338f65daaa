package org.opensourceecology.incubator.replication.internal;

/**
 * What a replicated enterprise may call itself. Derived on every read, never stored:
 *
 * <ol>
 *   <li>{@code CERTIFIED} while one of its owners holds a certificate for its enterprise that is valid
 *       today (certification decides; an expired or revoked certificate ends it at once);
 *   <li>otherwise {@code OSE_COMPATIBLE} when it replicates an enterprise published in the catalog and
 *       has reported production at least once;
 *   <li>otherwise {@code INSPIRED}: registered, but not (yet) producing a catalog enterprise.
 * </ol>
 */
enum Designation {
    CERTIFIED,
    OSE_COMPATIBLE,
    INSPIRED;

    static Designation of(boolean validCertificate, boolean catalogEnterprise, boolean hasReported) {
        if (validCertificate) {
            return CERTIFIED;
        }
        return catalogEnterprise && hasReported ? OSE_COMPATIBLE : INSPIRED;
    }

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
