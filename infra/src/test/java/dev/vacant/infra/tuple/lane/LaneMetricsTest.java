package dev.vacant.infra.tuple.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lane.ConcurrencyPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaneMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LaneMetrics metrics = new LaneMetrics("gpu", new ConcurrencyPolicy(32, 64), registry);

    @Test
    void record_exportsCountersEwmaAndConcurrency_whenTasksFinish() {
        metrics.record(true, Duration.ofMillis(100));
        metrics.record(true, Duration.ofMillis(200));
        metrics.record(false, Duration.ofMillis(100));

        assertThat(registry.get("vacant.lane.tasks").tag("lane", "gpu").tag("outcome", "success").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("vacant.lane.tasks").tag("lane", "gpu").tag("outcome", "failure").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("vacant.lane.latency.ewma").tag("lane", "gpu").gauge().value())
                .isCloseTo(116.0, within(1e-9));
        assertThat(registry.get("vacant.lane.concurrency").tag("lane", "gpu").gauge().value()).isEqualTo(32);
        assertThat(Json.write(metrics.snapshot())).isEqualTo(
                "{\"successes\":2,\"failures\":1,\"ewma_latency_ms\":116.0,\"error_rate\":0.2,\"concurrency\":32}");
    }

    @Test
    void adapt_halvesConcurrency_whenTheErrorRateReachesTwentyPercent() {
        metrics.record(false, Duration.ofMillis(10));

        assertThat(metrics.adapt(0)).isEqualTo(16);
        assertThat(registry.get("vacant.lane.concurrency").tag("lane", "gpu").gauge().value()).isEqualTo(16);
    }

    @Test
    void adapt_doublesConcurrency_whenTheQueueIsLongerThanFourTimesIt() {
        metrics.record(true, Duration.ofMillis(10));

        assertThat(metrics.adapt(129)).isEqualTo(64);
    }
}
