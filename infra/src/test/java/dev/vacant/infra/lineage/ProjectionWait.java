package dev.vacant.infra.lineage;

import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.support.ProjectionsCaughtUp;
import dev.vacant.query.lineage.LineageProjector;
import dev.vacant.query.registry.RegistryProjector;
import java.util.List;

/** Waits for the lineage projection and the registry (lineage answers are filtered by registry visibility). */
final class ProjectionWait {

    private ProjectionWait() {
    }

    static void untilLineageCaughtUp(ProjectionPositions positions) {
        ProjectionsCaughtUp.await(positions, List.of(LineageProjector.NAME, RegistryProjector.NAME));
    }
}
