package dev.vacant.query.composite;

import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.TrackedPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The live composite read model: a tracking processor feeding {@link CompositeProjector}. */
@Component
@ProcessingGroup(CompositeProjector.NAME)
public class CompositeProjection {

    private final JdbcTemplate jdbc;
    private final CompositeProjector projector = ProjectionCatalog.projector(CompositeProjector.class);

    public CompositeProjection(JdbcTemplate jdbc) {
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
