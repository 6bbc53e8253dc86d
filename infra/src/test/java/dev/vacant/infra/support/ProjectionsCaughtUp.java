package dev.vacant.infra.support;

import dev.vacant.infra.projection.ProjectionPositions;
import java.time.Duration;
import java.util.Collection;

/** A bounded wait until projections have processed the event store's current head. */
public final class ProjectionsCaughtUp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private ProjectionsCaughtUp() {
    }

    /** Returns once every named projection has reached the current head; fails after {@link #TIMEOUT}. */
    public static void await(ProjectionPositions positions, Collection<String> projections) {
        long head = positions.head();
        Polling.awaitUntil(projections + " reached position " + head, TIMEOUT,
                () -> projections.stream().allMatch(p -> positions.reached(p, head)));
    }
}
