package dev.vacant.query.logbook;

import dev.vacant.query.projection.JdbcProjection;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.StoredPositions;
import org.axonframework.config.ProcessingGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The live logbook read model: a tracking processor feeding {@link LogbookProjector}. */
@Component
@ProcessingGroup(ProjectionCatalog.PROCESSING_GROUP)
public class LogbookProjection extends JdbcProjection {

    public LogbookProjection(JdbcTemplate jdbc, StoredPositions positions) {
        super(jdbc, positions, ProjectionCatalog.projector(LogbookProjector.class));
    }
}
