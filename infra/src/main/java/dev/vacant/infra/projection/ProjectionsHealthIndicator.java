package dev.vacant.infra.projection;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code projections}: UP while the read side runs, with the processor's lag and its parked
 * sequences and events as details. A parked sequence is the read side working around an event it cannot apply
 * (the other vacants keep projecting), so it is reported, not counted as DOWN.
 */
@Component("projections")
public class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionPositions positions;
    private final ProjectionDeadLetters deadLetters;

    public ProjectionsHealthIndicator(ProjectionPositions positions, ProjectionDeadLetters deadLetters) {
        super("projections health check failed");
        this.positions = positions;
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("lag", positions.lag())
                .withDetail("parked_sequences", deadLetters.parkedSequences())
                .withDetail("parked_events", deadLetters.parkedEvents());
    }
}
