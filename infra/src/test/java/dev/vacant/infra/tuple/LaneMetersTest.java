package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vacant.command.tuple.lane.LaneMetrics;
import dev.vacant.kernel.lane.ConcurrencyPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaneMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LaneMetrics metrics = LaneMeters.bind("gpu", new LaneMetrics(new ConcurrencyPolicy(32, 64)), registry);

    @Test
    void bind_exportsCountersEwmaAndConcurrency_asTheLaneRecordsAndAdapts() {
        metrics.record(true, Duration.ofMillis(100));
        metrics.record(true, Duration.ofMillis(200));
        metrics.record(false, Duration.ofMillis(100));
        metrics.adapt(0);

        assertThat(registry.get("vacant.lane.tasks").tag("lane", "gpu").tag("outcome", "success").functionCounter()
                .count()).isEqualTo(2);
        assertThat(registry.get("vacant.lane.tasks").tag("lane", "gpu").tag("outcome", "failure").functionCounter()
                .count()).isEqualTo(1);
        assertThat(registry.get("vacant.lane.latency.ewma").tag("lane", "gpu").gauge().value())
                .isCloseTo(116.0, within(1e-9));
        assertThat(registry.get("vacant.lane.concurrency").tag("lane", "gpu").gauge().value()).isEqualTo(16);
    }
}
