package dev.vacant.query.registry;

import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.TrackedPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The live registry: a tracking processor feeding {@link RegistryProjector} with the app's database. */
@Component
@ProcessingGroup(RegistryProjector.NAME)
public class RegistryProjection {

    private final JdbcTemplate jdbc;
    private final RegistryProjector projector = ProjectionCatalog.projector(RegistryProjector.class);

    public RegistryProjection(JdbcTemplate jdbc) {
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
