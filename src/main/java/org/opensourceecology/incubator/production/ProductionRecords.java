package org.opensourceecology.incubator.production;

import java.time.Instant;
import java.util.List;

/** What a producer has built in verified production runs: evidence for certification. */
public interface ProductionRecords {

    /** Aggregates of the producer's verified runs for one enterprise. */
    ProducerRecord recordOf(String producerId, String enterpriseSlug);

    /** Verified runs of the producer for one enterprise, oldest first, with their unit serials. */
    List<VerifiedRun> verifiedRunsOf(String producerId, String enterpriseSlug);

    /** Verified runs of the producer for one enterprise verified at or after {@code since}. */
    long countVerifiedRunsSince(String producerId, String enterpriseSlug, Instant since);

    /**
     * @param qcPassRate units that passed every check / units checked, over all verified runs (0 when none)
     * @param documentationPublished at least one verified run and every verified run links its documentation
     */
    record ProducerRecord(int verifiedRuns, int unitsBuilt, double qcPassRate, boolean documentationPublished) {}

    record VerifiedRun(long id, Instant verifiedAt, int unitsBuilt, String documentationUrl, List<String> serials) {}
}
