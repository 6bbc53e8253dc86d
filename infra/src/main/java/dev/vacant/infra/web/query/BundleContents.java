package dev.vacant.infra.web.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vacant.kernel.json.Json;
import dev.vacant.query.registry.RegistryQueries;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Behaviour bundles by digest, parsed once and kept in memory. A bundle is content-addressed (its digest names its
 * bytes), so a remembered one is never stale; a read of one vacant then costs one query, not two, and no JSON parse
 * (issue 18, {@code docs/performance.md}). A digest not stored yet is not remembered.
 */
@Component
public class BundleContents {

    /** How many bundles are kept (the least recently used go first). */
    public static final int REMEMBERED = 10_000;

    private final RegistryQueries registry;
    private final Cache<String, JsonNode> parsed = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    public BundleContents(RegistryQueries registry) {
        this.registry = registry;
    }

    /** The bundle stored under {@code digest}, if any. */
    public Optional<JsonNode> of(String digest) {
        if (digest == null) {
            return Optional.empty();
        }
        JsonNode known = parsed.getIfPresent(digest);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<JsonNode> loaded = registry.content(digest).map(Json::parse);
        loaded.ifPresent(bundle -> parsed.put(digest, bundle));
        return loaded;
    }
}
