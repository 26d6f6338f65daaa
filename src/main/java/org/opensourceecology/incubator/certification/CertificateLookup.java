package org.opensourceecology.incubator.certification;

/** Whether a person holds a certificate for an enterprise that is valid today. */
public interface CertificateLookup {

    boolean hasValidCertificate(String holderId, String enterpriseSlug);
}
