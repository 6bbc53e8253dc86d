package dev.vacant.infra.tuple.lane;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lane.ConcurrencyPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * One lane's outcomes: success and failure counters, EWMA latency and error rate (weight {@value #ALPHA} for
 * the newest sample), and the adaptive concurrency they drive. Exported to Micrometer as
 * {@code vacant.lane.tasks{lane, outcome}}, {@code vacant.lane.latency.ewma{lane}} (ms) and
 * {@code vacant.lane.concurrency{lane}}.
 */
public final class LaneMetrics {

    /** Weight of the newest sample in both moving averages. */
    public static final double ALPHA = 0.2;

    private final ConcurrencyPolicy policy;
    private final Counter successes;
    private final Counter failures;
    private boolean sampled;
    private double ewmaLatencyMillis;
    private double errorRate;
    private int concurrency;

    public LaneMetrics(String lane, ConcurrencyPolicy policy, MeterRegistry registry) {
        this.policy = policy;
        this.concurrency = policy.start();
        this.successes = Counter.builder("vacant.lane.tasks").tag("lane", lane).tag("outcome", "success")
                .register(registry);
        this.failures = Counter.builder("vacant.lane.tasks").tag("lane", lane).tag("outcome", "failure")
                .register(registry);
        Gauge.builder("vacant.lane.latency.ewma", this, LaneMetrics::ewmaLatencyMillis).tag("lane", lane)
                .baseUnit("milliseconds").register(registry);
        Gauge.builder("vacant.lane.concurrency", this, LaneMetrics::concurrency).tag("lane", lane)
                .register(registry);
    }

    /** Counts one finished task and folds its latency and outcome into the moving averages. */
    public synchronized void record(boolean success, Duration latency) {
        (success ? successes : failures).increment();
        double millis = latency.toNanos() / 1_000_000.0;
        ewmaLatencyMillis = sampled ? ALPHA * millis + (1 - ALPHA) * ewmaLatencyMillis : millis;
        errorRate = ALPHA * (success ? 0 : 1) + (1 - ALPHA) * errorRate;
        sampled = true;
    }

    /** Applies the {@link ConcurrencyPolicy} to the current averages and {@code queued}; returns the new value. */
    public synchronized int adapt(int queued) {
        concurrency = policy.next(concurrency, new ConcurrencyPolicy.Load(queued, ewmaLatencyMillis, errorRate));
        return concurrency;
    }

    public synchronized double ewmaLatencyMillis() {
        return ewmaLatencyMillis;
    }

    public synchronized int concurrency() {
        return concurrency;
    }

    /** {@code {successes, failures, ewma_latency_ms, error_rate, concurrency}}. */
    public synchronized ObjectNode snapshot() {
        return Json.object()
                .put("successes", (long) successes.count())
                .put("failures", (long) failures.count())
                .put("ewma_latency_ms", ewmaLatencyMillis)
                .put("error_rate", errorRate)
                .put("concurrency", concurrency);
    }
}
