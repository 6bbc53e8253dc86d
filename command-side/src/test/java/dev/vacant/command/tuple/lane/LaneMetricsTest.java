package dev.vacant.command.tuple.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lane.ConcurrencyPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaneMetricsTest {

    private final LaneMetrics metrics = new LaneMetrics(new ConcurrencyPolicy(32, 64));

    @Test
    void record_countsOutcomesAndFoldsEwmaAndErrorRate_whenTasksFinish() {
        metrics.record(true, Duration.ofMillis(100));
        metrics.record(true, Duration.ofMillis(200));
        metrics.record(false, Duration.ofMillis(100));

        assertThat(metrics.successes()).isEqualTo(2);
        assertThat(metrics.failures()).isEqualTo(1);
        assertThat(metrics.ewmaLatencyMillis()).isCloseTo(116.0, within(1e-9));
        assertThat(metrics.errorRate()).isCloseTo(0.2, within(1e-9));
        assertThat(metrics.concurrency()).isEqualTo(32);
        assertThat(Json.write(metrics.snapshot())).isEqualTo(
                "{\"successes\":2,\"failures\":1,\"ewma_latency_ms\":116.0,\"error_rate\":0.2,\"concurrency\":32}");
    }

    @Test
    void adapt_halvesConcurrency_whenTheErrorRateReachesTwentyPercent() {
        metrics.record(false, Duration.ofMillis(10));

        assertThat(metrics.adapt(0)).isEqualTo(16);
        assertThat(metrics.concurrency()).isEqualTo(16);
    }

    @Test
    void adapt_doublesConcurrency_whenTheQueueIsLongerThanFourTimesIt() {
        metrics.record(true, Duration.ofMillis(10));

        assertThat(metrics.adapt(129)).isEqualTo(64);
    }
}
