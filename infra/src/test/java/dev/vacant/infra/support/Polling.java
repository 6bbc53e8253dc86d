package dev.vacant.infra.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A bounded wait for a condition, checked every 10 ms; a timeout or an interrupt fails the test. */
public final class Polling {

    private static final long POLL_MILLIS = 10;

    private Polling() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code patience}. */
    public static void awaitUntil(String what, Duration patience, BooleanSupplier condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + patience + " waiting until " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
