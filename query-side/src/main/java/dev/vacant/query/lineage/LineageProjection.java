package dev.vacant.query.lineage;

import dev.vacant.query.projection.JdbcProjection;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.StoredPositions;
import org.axonframework.config.ProcessingGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live lineage graph: a tracking processor feeding {@link LineageProjector}. It takes every vacant event
 * because roots (GENESIS) are numbered too; the projector ignores all but GENESIS and BIRTH.
 */
@Component
@ProcessingGroup(ProjectionCatalog.PROCESSING_GROUP)
public class LineageProjection extends JdbcProjection {

    public LineageProjection(JdbcTemplate jdbc, StoredPositions positions) {
        super(jdbc, positions, ProjectionCatalog.projector(LineageProjector.class));
    }
}
