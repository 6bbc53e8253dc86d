package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lane.ConcurrencyPolicy;
import java.time.Duration;

/**
 * One lane's outcomes: success and failure counters, EWMA latency and error rate (weight {@value #ALPHA} for
 * the newest sample), and the adaptive concurrency they drive. Plain numbers: the metrics adapter (infra) exports
 * them.
 */
public final class LaneMetrics {

    /** Weight of the newest sample in both moving averages. */
    public static final double ALPHA = 0.2;

    private final ConcurrencyPolicy policy;
    private long successes;
    private long failures;
    private boolean sampled;
    private double ewmaLatencyMillis;
    private double errorRate;
    private int concurrency;

    public LaneMetrics(ConcurrencyPolicy policy) {
        this.policy = policy;
        this.concurrency = policy.start();
    }

    /** Counts one finished task and folds its latency and outcome into the moving averages. */
    public synchronized void record(boolean success, Duration latency) {
        if (success) {
            successes++;
        } else {
            failures++;
        }
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

    public synchronized long successes() {
        return successes;
    }

    public synchronized long failures() {
        return failures;
    }

    public synchronized double errorRate() {
        return errorRate;
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
                .put("successes", successes)
                .put("failures", failures)
                .put("ewma_latency_ms", ewmaLatencyMillis)
                .put("error_rate", errorRate)
                .put("concurrency", concurrency);
    }
}
