package dev.vacant.query.projection;

import dev.vacant.query.lineage.LineageProjector;
import dev.vacant.query.composite.CompositeProjector;
import dev.vacant.query.logbook.LogbookProjector;
import dev.vacant.query.registry.RegistryProjector;
import java.util.List;

/**
 * Every projector of the system, in one place, so the live Axon projections and audit replay (which also runs
 * offline, without Spring) apply exactly the same code. The live projections share one tracking processor,
 * {@link #PROCESSING_GROUP}: a batch of events updates every read model in one transaction with one token update.
 */
public final class ProjectionCatalog {

    /** The Axon processing group (and tracking processor) of every live projection. */
    public static final String PROCESSING_GROUP = "projections";

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

    /** The names of all projections, in {@link #projectors()} order. */
    public static List<String> names() {
        return PROJECTORS.stream().map(Projector::name).toList();
    }

    /** Whether {@code name} is the name of a projection. */
    public static boolean contains(String name) {
        return PROJECTORS.stream().anyMatch(projector -> projector.name().equals(name));
    }

    /** The catalog's instance of one projector type. */
    public static <P extends Projector> P projector(Class<P> type) {
        return PROJECTORS.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no projector " + type.getSimpleName()));
    }
}
