package org.opensourceecology.incubator.certification;

import java.time.Instant;

/**
 * Periodic production reports of a holder's replicated enterprise, which count as evidence for a
 * renewal just as verified production runs do. Implemented by the replication module (which depends
 * on certification, not the other way round).
 */
public interface ProductionReportsSource {

    /** Reports submitted since the given instant for enterprises of that catalog enterprise the holder owns. */
    long reportsSince(String holderId, String enterpriseSlug, Instant since);
}
