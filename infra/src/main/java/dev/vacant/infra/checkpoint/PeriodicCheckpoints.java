package dev.vacant.infra.checkpoint;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Extends the tree and signs a checkpoint when it grew, every {@code interval}, on one thread that starts with the
 * application context and stops (finishing the run in progress) before the context closes its data source.
 */
public class PeriodicCheckpoints implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicCheckpoints.class);

    private final CheckpointService checkpoints;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public PeriodicCheckpoints(CheckpointService checkpoints, Duration interval) {
        this.checkpoints = checkpoints;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vacant-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void run() {
        try {
            checkpoints.checkpointIfGrown();
        } catch (RuntimeException e) {
            log.warn("Periodic checkpoint failed; retried in {}", interval, e);
        }
    }
}
