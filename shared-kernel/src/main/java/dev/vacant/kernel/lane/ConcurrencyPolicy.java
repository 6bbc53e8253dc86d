package dev.vacant.kernel.lane;

/**
 * Adaptive per-lane concurrency. From the current value it applies, in this order: double when the queue
 * is longer than four times the current value; double (again) when the EWMA latency is above
 * {@value #SLOW_MILLIS} ms; halve when the error rate is at least {@value #ERROR_RATE_LIMIT}. The result is
 * kept within {@code [1, max]}.
 *
 * @param start the concurrency a lane starts at
 * @param max   the upper bound
 */
public record ConcurrencyPolicy(int start, int max) {

    /** EWMA latency above this doubles the concurrency. */
    public static final double SLOW_MILLIS = 250;

    /** An error rate at or above this halves the concurrency. */
    public static final double ERROR_RATE_LIMIT = 0.2;

    /** Validates {@code 1 <= start <= max}. */
    public ConcurrencyPolicy {
        if (start < 1 || max < start) {
            throw new IllegalArgumentException("need 1 <= start <= max, was start " + start + ", max " + max);
        }
    }

    /** The concurrency after observing {@code load} at {@code current}. */
    public int next(int current, Load load) {
        int next = current;
        if (load.queued() > 4L * current) {
            next = next * 2;
        }
        if (load.ewmaLatencyMillis() > SLOW_MILLIS) {
            next = next * 2;
        }
        if (load.errorRate() >= ERROR_RATE_LIMIT) {
            next = next / 2;
        }
        return Math.max(1, Math.min(max, next));
    }

    /**
     * What a lane observed.
     *
     * @param queued            tasks waiting
     * @param ewmaLatencyMillis smoothed latency of recent tasks
     * @param errorRate         smoothed share of failed tasks, 0..1
     */
    public record Load(int queued, double ewmaLatencyMillis, double errorRate) {
    }
}
