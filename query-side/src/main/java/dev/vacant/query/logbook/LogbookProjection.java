package dev.vacant.query.logbook;

import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.TrackedPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The live logbook read model: a tracking processor feeding {@link LogbookProjector}. */
@Component
@ProcessingGroup(LogbookProjector.NAME)
public class LogbookProjection {

    private final JdbcTemplate jdbc;
    private final LogbookProjector projector = ProjectionCatalog.projector(LogbookProjector.class);

    public LogbookProjection(JdbcTemplate jdbc) {
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
