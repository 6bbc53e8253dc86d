package dev.vacant.infra.projection;

import java.time.Duration;
import java.util.concurrent.ForkJoinPool;

/**
 * The pause between two looks of a bounded wait, made as a {@link ForkJoinPool.ManagedBlocker}: on a fork-join
 * worker (the gRPC server's calls run on one) the pool adds a thread for the other work while this one sleeps;
 * elsewhere it is a plain sleep.
 */
final class PollPause implements ForkJoinPool.ManagedBlocker {

    private final Duration pause;
    private boolean slept;

    private PollPause(Duration pause) {
        this.pause = pause;
    }

    /** Sleeps {@code pause}. */
    static void sleep(Duration pause) throws InterruptedException {
        ForkJoinPool.managedBlock(new PollPause(pause));
    }

    @Override
    public boolean block() throws InterruptedException {
        Thread.sleep(pause.toMillis());
        slept = true;
        return true;
    }

    @Override
    public boolean isReleasable() {
        return slept;
    }
}
