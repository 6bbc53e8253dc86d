package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.Json;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The execution lanes of this process, created on first use, and the {@code execution} part of the space
 * snapshot: per-lane metrics, provider breaker states and the receipt cache's size.
 */
public final class ExecutionLanes {

    private final Function<String, ExecutionLane> factory;
    private final ProviderGuard guard;
    private final ReceiptCache cache;
    private final Map<String, ExecutionLane> lanes = new ConcurrentHashMap<>();

    /**
     * @param factory builds the lane of a name (with its own {@link LaneMetrics})
     * @param guard   the guard shared by the lanes
     * @param cache   the cache shared by the lanes
     */
    public ExecutionLanes(Function<String, ExecutionLane> factory, ProviderGuard guard, ReceiptCache cache) {
        this.factory = factory;
        this.guard = guard;
        this.cache = cache;
    }

    /** The lane of this name. */
    public ExecutionLane lane(String name) {
        return lanes.computeIfAbsent(name, factory);
    }

    /** {@code {lanes: {name: metrics}, breakers: {provider: state}, cache_entries}}. */
    public ObjectNode snapshot() {
        ObjectNode snapshot = Json.object();
        ObjectNode perLane = snapshot.putObject("lanes");
        new TreeMap<>(lanes).forEach((name, lane) -> perLane.set(name, lane.metrics().snapshot()));
        ObjectNode breakers = snapshot.putObject("breakers");
        guard.states().forEach((provider, state) -> breakers.put(provider, state.name()));
        return snapshot.put("cache_entries", cache.size());
    }
}
