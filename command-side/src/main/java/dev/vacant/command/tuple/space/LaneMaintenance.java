package dev.vacant.command.tuple.space;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background upkeep of a lane worker: expires waiting {@code in}s; every reap interval deletes the tuples whose lease
 * ran out and the stored replies older than the reply retention.
 */
public final class LaneMaintenance implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LaneMaintenance.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lane-maintenance");
        thread.setDaemon(true);
        return thread;
    });

    public LaneMaintenance(LaneWorker worker, TupleStore store, Clock clock, Duration waiterTick, Duration reapInterval,
                           Duration replyRetention) {
        every(waiterTick, "expire waiters", worker::expireWaiters);
        every(reapInterval, "reap leases", () -> store.reapExpired(clock.instant()));
        every(reapInterval, "prune replies", () -> store.pruneReplies(clock.instant().minus(replyRetention)));
    }

    /** Runs {@code task} every {@code interval}, logging (not propagating) its failures. */
    private void every(Duration interval, String what, Runnable task) {
        scheduler.scheduleWithFixedDelay(guarded(what, task), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Lane maintenance could not {}", what, e);
            }
        };
    }
}
