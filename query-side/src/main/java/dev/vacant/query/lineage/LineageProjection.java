package dev.vacant.query.lineage;

import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.TrackedPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live lineage graph: a tracking processor feeding {@link LineageProjector} with the app's database. It takes
 * every vacant event because roots (GENESIS) are numbered too; the projector ignores all but GENESIS and BIRTH.
 */
@Component
@ProcessingGroup(LineageProjector.NAME)
public class LineageProjection {

    private final JdbcTemplate jdbc;
    private final LineageProjector projector = ProjectionCatalog.projector(LineageProjector.class);

    public LineageProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VacantEvent event, TrackingToken token) {
        projector.apply(jdbc, event, TrackedPositions.of(token));
    }

    @ResetHandler
    void reset() {
        projector.reset(jdbc);
    }
}
