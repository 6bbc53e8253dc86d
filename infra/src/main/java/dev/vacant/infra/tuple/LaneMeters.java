package dev.vacant.infra.tuple;

import dev.vacant.command.tuple.lane.LaneMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Exports one lane's {@link LaneMetrics} to Micrometer, read at each scrape: {@value #TASKS}{@code {lane, outcome}},
 * {@value #LATENCY}{@code {lane}} (ms) and {@value #CONCURRENCY}{@code {lane}}.
 */
final class LaneMeters {

    static final String TASKS = "vacant.lane.tasks";
    static final String LATENCY = "vacant.lane.latency.ewma";
    static final String CONCURRENCY = "vacant.lane.concurrency";

    private LaneMeters() {
    }

    /** Registers the meters of {@code lane} on {@code registry}; returns {@code metrics}. */
    static LaneMetrics bind(String lane, LaneMetrics metrics, MeterRegistry registry) {
        FunctionCounter.builder(TASKS, metrics, LaneMetrics::successes).tag("lane", lane).tag("outcome", "success")
                .register(registry);
        FunctionCounter.builder(TASKS, metrics, LaneMetrics::failures).tag("lane", lane).tag("outcome", "failure")
                .register(registry);
        Gauge.builder(LATENCY, metrics, LaneMetrics::ewmaLatencyMillis).tag("lane", lane)
                .baseUnit("milliseconds").register(registry);
        Gauge.builder(CONCURRENCY, metrics, LaneMetrics::concurrency).tag("lane", lane).register(registry);
        return metrics;
    }
}
