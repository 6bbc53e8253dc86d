package dev.vacant.query.projection;

import dev.vacant.query.lineage.LineageProjector;
import dev.vacant.query.composite.CompositeProjector;
import dev.vacant.query.logbook.LogbookProjector;
import dev.vacant.query.registry.RegistryProjector;
import java.util.List;

/**
 * Every projector of the system, in one place, so the live Axon projections and audit replay (which also runs
 * offline, without Spring) apply exactly the same code.
 */
public final class ProjectionCatalog {

    private static final List<Projector> PROJECTORS = List.of(
            new RegistryProjector(),
            new LogbookProjector(),
            new LineageProjector(),
            new CompositeProjector());

    private ProjectionCatalog() {
    }

    /** All projectors, in the order audit replay rebuilds and compares them. */
    public static List<Projector> projectors() {
        return PROJECTORS;
    }

    /** The catalog's instance of one projector type. */
    public static <P extends Projector> P projector(Class<P> type) {
        return PROJECTORS.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no projector " + type.getSimpleName()));
    }
}
