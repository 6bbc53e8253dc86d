package dev.vacant.infra.tuple;

import dev.vacant.command.tuple.runner.LaneRunner;
import org.springframework.context.SmartLifecycle;

/** Starts and stops the {@link LaneRunner} with the application context, inside the transports' lifetime. */
public final class LaneRunnerLifecycle implements SmartLifecycle {

    /** Starts after and stops before the Kafka listener containers (phase {@code Integer.MAX_VALUE - 100}). */
    public static final int PHASE = Integer.MAX_VALUE - 50;

    private final LaneRunner runner;

    LaneRunnerLifecycle(LaneRunner runner) {
        this.runner = runner;
    }

    @Override
    public void start() {
        runner.start();
    }

    @Override
    public void stop() {
        runner.stop();
    }

    @Override
    public boolean isRunning() {
        return runner.isRunning();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
