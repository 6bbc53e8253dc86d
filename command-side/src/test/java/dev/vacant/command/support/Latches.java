package dev.vacant.command.support;

import java.util.concurrent.CountDownLatch;

/** Latch waits for test doubles that cannot throw checked exceptions. */
public final class Latches {

    private Latches() {
    }

    /** Waits for {@code latch}; an interruption fails the waiting code. */
    public static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
