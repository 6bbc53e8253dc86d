package dev.vacant.query.composite;

import dev.vacant.query.projection.JdbcProjection;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.StoredPositions;
import org.axonframework.config.ProcessingGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The live composite read model: a tracking processor feeding {@link CompositeProjector}. */
@Component
@ProcessingGroup(ProjectionCatalog.PROCESSING_GROUP)
public class CompositeProjection extends JdbcProjection {

    public CompositeProjection(JdbcTemplate jdbc, StoredPositions positions) {
        super(jdbc, positions, ProjectionCatalog.projector(CompositeProjector.class));
    }
}
