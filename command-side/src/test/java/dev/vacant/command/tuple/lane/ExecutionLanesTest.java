package dev.vacant.command.tuple.lane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lane.ConcurrencyPolicy;
import dev.vacant.kernel.lane.ContextCompression;
import dev.vacant.kernel.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionLanesTest {

    private final ImmediateScheduler scheduler = new ImmediateScheduler();
    private final ReceiptCache cache = new ReceiptCache(100, Duration.ofSeconds(60), () -> 0L);
    private final ProviderGuard guard = new ProviderGuard(new ProviderGuard.Policy(3, Duration.ofMillis(100),
            Duration.ofMillis(5000), 0.25, 5, Duration.ofSeconds(30)), new MutableClock(Instant.EPOCH), scheduler);
    private final ExecutorService racers = Executors.newFixedThreadPool(2);
    private final ExecutorService laneThreads = Executors.newCachedThreadPool();
    private final ScriptedProvider provider = new ScriptedProvider("model");
    private final ExecutionLanes lanes = new ExecutionLanes(name -> new ExecutionLane(Map.of(), Map.of(),
            new ContextCompression(6000), cache, guard, new ExecutionLane.Providers(provider, provider),
            new Speculation(racers), new LaneMetrics(new ConcurrencyPolicy(32, 64)), laneThreads, () -> 0L), guard,
            cache);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        racers.shutdownNow();
        laneThreads.shutdownNow();
    }

    @Test
    void lane_returnsTheSameLane_whenAskedTwiceForOneName() {
        assertThat(lanes.lane("gpu")).isSameAs(lanes.lane("gpu")).isNotSameAs(lanes.lane("cpu"));
    }

    @Test
    void snapshot_showsLaneMetricsBreakersAndCache_afterATaskRan() throws Exception {
        lanes.lane("gpu").execute(new LaneTask("summarise", Json.object(), false)).get(5, TimeUnit.SECONDS);

        assertThat(Json.write(lanes.snapshot())).isEqualTo("{\"lanes\":{\"gpu\":{\"successes\":1,\"failures\":0,"
                + "\"ewma_latency_ms\":0.0,\"error_rate\":0.0,\"concurrency\":32}},\"breakers\":{\"model\":\"CLOSED\"},"
                + "\"cache_entries\":1}");
    }
}
