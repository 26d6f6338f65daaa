package org.opensourceecology.incubator.download;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The towns of downloaders who ticked “show my town on the map” and have not taken it back (the
 * unsubscribe link, an erasure and the retention purge all end that consent), for the public map.
 */
public interface DownloaderTowns {

    /** Every such town, aggregated and ordered by country and town; no personal data. */
    List<DownloaderTown> consentedTowns();

    /**
     * Changes whenever a consent to the map is given or ends, on any node (two indexed max() lookups):
     * a cache of {@link #consentedTowns()} that sees a different version reloads, so a withdrawn town
     * leaves every node's map on the next request. Only for comparison; never shown.
     */
    ConsentVersion consentVersion();

    /** Opaque to callers: compare with {@code equals}. */
    record ConsentVersion(Optional<Instant> lastGiven, Optional<Instant> lastEnded) {}
}
