package dev.vacant.infra.support;

import dev.vacant.infra.projection.ProjectionPositions;
import java.time.Duration;
import java.util.Collection;

/** A bounded wait until projections have processed the event store's current head. */
public final class ProjectionsCaughtUp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 10;

    private ProjectionsCaughtUp() {
    }

    /** Returns once every named projection has reached the current head; fails after {@link #TIMEOUT}. */
    public static void await(ProjectionPositions positions, Collection<String> projections) {
        long head = positions.head();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (projections.stream().anyMatch(p -> !positions.reached(p, head))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(projections + " did not reach position " + head + " within " + TIMEOUT);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + projections, e);
            }
        }
    }
}
