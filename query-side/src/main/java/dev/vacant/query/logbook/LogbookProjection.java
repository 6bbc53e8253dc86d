package dev.vacant.query.logbook;

import dev.vacant.query.projection.JdbcProjection;
import dev.vacant.query.projection.ProjectionCatalog;
import org.axonframework.config.ProcessingGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The live logbook read model: a tracking processor feeding {@link LogbookProjector}. */
@Component
@ProcessingGroup(LogbookProjector.NAME)
public class LogbookProjection extends JdbcProjection {

    public LogbookProjection(JdbcTemplate jdbc) {
        super(jdbc, ProjectionCatalog.projector(LogbookProjector.class));
    }
}
