package org.opensourceecology.incubator.catalog;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Operations Manual link of each published enterprise, as every download needs it: remembered for a
 * short time ({@code incubator.catalog.manual-link-ttl}, 10 s by default) instead of asked of the
 * database on each download. The download benchmark (bench/run) found that query to be a fifth of a
 * download's CPU.
 *
 * <p>Only links found are remembered, so an enterprise published a moment ago can be downloaded at once
 * on every node; a link changed or an enterprise retired directly in the database reaches every node
 * within the time to live. Unknown slugs are never remembered, so requests for made-up slugs cannot fill
 * the memory; at most {@link #MAX_ENTRIES} links are kept.
 */
@Component
public class OperationsManualLinks {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(String link, long expiresAtNanos) {}

    private final EnterpriseSpecifications specifications;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Entry> links = new ConcurrentHashMap<>();

    @Autowired
    OperationsManualLinks(
            EnterpriseSpecifications specifications,
            @Value("${incubator.catalog.manual-link-ttl:PT10S}") Duration ttl) {
        this(specifications, ttl, System::nanoTime);
    }

    OperationsManualLinks(EnterpriseSpecifications specifications, Duration ttl, LongSupplier nanoTime) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("incubator.catalog.manual-link-ttl must not be negative: " + ttl);
        }
        this.specifications = specifications;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The Operations Manual link of the published enterprise with this slug; empty if there is none. */
    public Optional<String> ofPublished(String slug) {
        long now = nanoTime.getAsLong();
        var entry = links.get(slug);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Optional.of(entry.link());
        }
        var link = specifications.findPublishedOperationsManualUrl(slug);
        if (link.isEmpty()) {
            links.remove(slug);
        } else if (ttlNanos > 0) {
            if (links.size() >= MAX_ENTRIES) {
                links.clear();
            }
            links.put(slug, new Entry(link.get(), now + ttlNanos));
        }
        return link;
    }
}
