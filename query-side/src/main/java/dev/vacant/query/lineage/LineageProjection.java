package dev.vacant.query.lineage;

import dev.vacant.query.projection.JdbcProjection;
import dev.vacant.query.projection.ProjectionCatalog;
import org.axonframework.config.ProcessingGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live lineage graph: a tracking processor feeding {@link LineageProjector}. It takes every vacant event
 * because roots (GENESIS) are numbered too; the projector ignores all but GENESIS and BIRTH.
 */
@Component
@ProcessingGroup(LineageProjector.NAME)
public class LineageProjection extends JdbcProjection {

    public LineageProjection(JdbcTemplate jdbc) {
        super(jdbc, ProjectionCatalog.projector(LineageProjector.class));
    }
}
