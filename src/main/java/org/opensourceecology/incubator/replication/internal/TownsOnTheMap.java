package org.opensourceecology.incubator.replication.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.opensourceecology.incubator.download.DownloaderTown;
import org.opensourceecology.incubator.download.DownloaderTowns;
import org.springframework.stereotype.Component;

/**
 * The map's layer “where people are learning”: the download module's consenting towns, cached. The
 * cache reloads when a consent to the map was given or ended on any node (the download module's
 * consent version, one query of two indexed max() per request), so an unsubscribe takes the town off
 * every node's map on the next request, and at least every {@code incubator.map.cache-ttl}.
 */
@Component
class TownsOnTheMap {

    private final DownloaderTowns downloaderTowns;
    private final MapSettings settings;
    private final Clock clock;

    private record Snapshot(List<DownloaderTown> towns, Instant at, DownloaderTowns.ConsentVersion version) {}

    private volatile Snapshot snapshot;

    TownsOnTheMap(DownloaderTowns downloaderTowns, MapSettings settings, Clock clock) {
        this.downloaderTowns = downloaderTowns;
        this.settings = settings;
        this.clock = clock;
    }

    List<DownloaderTown> towns() {
        var current = snapshot;
        Instant now = clock.instant();
        // read before loading: a consent ended in between is loaded, and seen again next time
        var version = downloaderTowns.consentVersion();
        if (current == null
                || !current.version().equals(version)
                || !now.isBefore(current.at().plus(settings.cacheTtl()))) {
            current = new Snapshot(downloaderTowns.consentedTowns(), now, version);
            snapshot = current;
        }
        return current.towns();
    }
}
