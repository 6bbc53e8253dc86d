package dev.vacant.infra.lineage;

import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.query.lineage.LineageProjector;
import dev.vacant.query.registry.RegistryProjector;
import java.util.stream.Stream;
import java.time.Duration;

/**
 * A bounded wait for the lineage projection and the registry (lineage answers are filtered by registry
 * visibility), which tracking processors feed asynchronously.
 */
final class ProjectionWait {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 10;

    private ProjectionWait() {
    }

    /** Returns once lineage and registry have processed the store's current head; fails after {@link #TIMEOUT}. */
    static void untilLineageCaughtUp(ProjectionPositions positions) {
        long head = positions.head();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (Stream.of(LineageProjector.NAME, RegistryProjector.NAME).anyMatch(p -> positions.position(p).orElse(0) < head)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("lineage and registry did not reach position " + head + " within " + TIMEOUT);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the lineage projection", e);
            }
        }
    }
}
