package dev.vacant.query.projection;

import java.util.List;

/**
 * Every projector of the system, in one place, so the live Axon projections and audit replay (which also runs
 * offline, without Spring) apply exactly the same code.
 */
public final class ProjectionCatalog {

    private ProjectionCatalog() {
    }

    /** All projectors, in the order audit replay rebuilds and compares them. */
    public static List<Projector> projectors() {
        return List.of();
    }
}
