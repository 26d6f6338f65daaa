package org.opensourceecology.incubator.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * Who holds a valid certificate for an enterprise, shown on its catalog page. Implemented by the
 * certification module (which depends on the catalog, not the other way round).
 */
public interface CertifiedProducers {

    List<CertifiedProducer> certifiedProducersOf(String enterpriseSlug);

    /** {@code holderDisplayName} is null while the identity store does not answer (Keycloak down). */
    record CertifiedProducer(String certificateId, String holderDisplayName, LocalDate validUntil) {}
}
