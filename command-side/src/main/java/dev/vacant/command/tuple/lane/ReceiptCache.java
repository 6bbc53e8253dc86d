package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.vacant.kernel.lane.InputDigest;
import dev.vacant.kernel.tuple.Receipts;
import java.time.Duration;
import java.util.Optional;

/**
 * Outputs of executed tasks under their {@link InputDigest}, bounded in size (Caffeine's near-LRU eviction) and
 * in age (expire after write, measured by the injected {@link Ticker}). Maintenance runs on the calling thread.
 */
public final class ReceiptCache {

    private final Cache<String, JsonNode> outputs;

    public ReceiptCache(long maxEntries, Duration ttl, Ticker ticker) {
        this.outputs = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** The cached output for this input with a {@code cache_hit@} receipt, if any. */
    public Optional<LaneResult> hit(String yool, JsonNode data) {
        String digest = InputDigest.of(yool, data);
        return Optional.ofNullable(outputs.getIfPresent(digest))
                .map(output -> new LaneResult(output, Receipts.of("cache_hit", digest)));
    }

    /** Remembers {@code output} for this input. */
    public void put(String yool, JsonNode data, JsonNode output) {
        outputs.put(InputDigest.of(yool, data), output);
    }

    /** Entries held now (after pending evictions). */
    public long size() {
        outputs.cleanUp();
        return outputs.estimatedSize();
    }
}
