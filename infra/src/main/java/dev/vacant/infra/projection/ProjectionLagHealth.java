package dev.vacant.infra.projection;

import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health contributor {@code projections} (part of readiness): {@code OUT_OF_SERVICE} while the projections are more
 * than {@code threshold} behind the event store, so that a lagging instance is taken out of a load balancer's
 * rotation rather than serving stale reads. Its details also carry the parked sequences and events: a parked
 * sequence is the read side working around an event it cannot apply (the other vacants keep projecting), so it is
 * reported, not counted as down.
 */
public final class ProjectionLagHealth extends AbstractHealthIndicator {

    private final ProjectionLag lag;
    private final ProjectionDeadLetters deadLetters;
    private final Duration threshold;

    ProjectionLagHealth(ProjectionLag lag, ProjectionDeadLetters deadLetters, Duration threshold) {
        super("The projections' lag could not be read");
        this.lag = lag;
        this.deadLetters = deadLetters;
        this.threshold = threshold;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        ProjectionLag.Lag now = lag.current();
        (now.behind().compareTo(threshold) > 0 ? health.outOfService() : health.up())
                .withDetail("lag_events", now.events())
                .withDetail("lag_seconds", now.behind().toMillis() / 1000.0)
                .withDetail("threshold_seconds", threshold.toMillis() / 1000.0)
                .withDetail("parked_sequences", deadLetters.parkedSequences())
                .withDetail("parked_events", deadLetters.parkedEvents());
    }
}
