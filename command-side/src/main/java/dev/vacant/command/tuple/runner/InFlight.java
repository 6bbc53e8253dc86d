package dev.vacant.command.tuple.runner;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** The tasks a runner took from one lane and has not finished yet, at most the lane's current concurrency. */
final class InFlight {

    private final IntSupplier limit;
    private int count;

    /** @param limit the lane's current (adaptive) concurrency */
    InFlight(IntSupplier limit) {
        this.limit = limit;
    }

    /** Waits for room for one more task while {@code running}; false once it is not. */
    synchronized boolean acquire(BooleanSupplier running) throws InterruptedException {
        while (running.getAsBoolean() && count >= limit.getAsInt()) {
            wait();
        }
        if (!running.getAsBoolean()) {
            return false;
        }
        count++;
        return true;
    }

    /** One task finished (or nothing was taken after all). */
    synchronized void release() {
        count--;
        notifyAll();
    }

    /** Wakes a waiting {@link #acquire} to look at {@code running} again. */
    synchronized void wake() {
        notifyAll();
    }

    /** Waits until no task is in flight, at most {@code timeout}; the number still in flight. */
    synchronized int awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left = timeout.toNanos();
        while (count > 0 && left > 0) {
            wait(Math.max(1, left / 1_000_000));
            left = deadline - System.nanoTime();
        }
        return count;
    }
}
