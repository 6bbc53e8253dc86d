package dev.vacant.infra.tuple.space;

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
        scheduler.scheduleWithFixedDelay(guarded("expire waiters", worker::expireWaiters),
                waiterTick.toMillis(), waiterTick.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded("reap leases", () -> store.reapExpired(clock.instant())),
                reapInterval.toMillis(), reapInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded("prune replies",
                        () -> store.pruneReplies(clock.instant().minus(replyRetention))),
                reapInterval.toMillis(), reapInterval.toMillis(), TimeUnit.MILLISECONDS);
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
