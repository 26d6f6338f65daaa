package org.opensourceecology.incubator.certification;

/** Starting certification and revoking certificates: the port into the {@code certification} process. */
public interface Certifications {

    /**
     * Starts certification for a producer who applies directly (self-taught or after training).
     *
     * @return the business key of the new process instance
     */
    String apply(String applicantId, String enterpriseSlug, String priorExperience);

    /**
     * Revokes a valid certificate with a reason: correlates {@code CertificateRevoked} to its
     * process, or revokes it directly when no process waits for it any more.
     *
     * @throws java.util.NoSuchElementException for an unknown certificate id
     * @throws IllegalStateException when the certificate is not valid (already expired or revoked)
     */
    void revoke(String certificateId, String reason);
}
