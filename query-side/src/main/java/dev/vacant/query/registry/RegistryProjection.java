package dev.vacant.query.registry;

import dev.vacant.query.projection.JdbcProjection;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.StoredPositions;
import org.axonframework.config.ProcessingGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The live registry: a tracking processor feeding {@link RegistryProjector}. */
@Component
@ProcessingGroup(ProjectionCatalog.PROCESSING_GROUP)
public class RegistryProjection extends JdbcProjection {

    public RegistryProjection(JdbcTemplate jdbc, StoredPositions positions) {
        super(jdbc, positions, ProjectionCatalog.projector(RegistryProjector.class));
    }
}
