package dev.vacant.query.registry;

import dev.vacant.query.projection.JdbcProjection;
import dev.vacant.query.projection.ProjectionCatalog;
import org.axonframework.config.ProcessingGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The live registry: a tracking processor feeding {@link RegistryProjector}. */
@Component
@ProcessingGroup(RegistryProjector.NAME)
public class RegistryProjection extends JdbcProjection {

    public RegistryProjection(JdbcTemplate jdbc) {
        super(jdbc, ProjectionCatalog.projector(RegistryProjector.class));
    }
}
