package dev.vacant.infra.projection;

import dev.vacant.query.projection.ProjectionCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-model plumbing: read-your-writes with a bounded wait ({@code vacant.queries.consistency-timeout}), the
 * projections' lag as metrics and as a readiness check ({@code vacant.health.projection-lag-threshold}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    ReadConsistency readConsistency(ProjectionPositions positions,
                                    @Value("${vacant.queries.consistency-timeout:5s}") Duration timeout) {
        return new ReadConsistency(positions, timeout);
    }

    /** Measured against the real clock, as events are stamped by it. */
    @Bean
    ProjectionLag projectionLag(ProjectionPositions positions, JdbcTemplate jdbc) {
        return new ProjectionLag(positions, jdbc, Clock.systemUTC());
    }

    /** {@code vacant.projection.lag.events} and {@code .seconds}, tagged with the processor. */
    @Bean
    MeterBinder projectionLagMetrics(ProjectionLag lag) {
        return registry -> {
            Gauge.builder("vacant.projection.lag.events", lag, l -> l.current().events())
                    .tag("processor", ProjectionCatalog.PROCESSING_GROUP)
                    .description("Stored events the projections have not processed yet").baseUnit("events")
                    .register(registry);
            Gauge.builder("vacant.projection.lag.seconds", lag, l -> l.current().behind().toMillis() / 1000.0)
                    .tag("processor", ProjectionCatalog.PROCESSING_GROUP)
                    .description("Age of the oldest stored event the projections have not processed yet")
                    .baseUnit("seconds").register(registry);
        };
    }

    @Bean
    HealthIndicator projectionsHealthIndicator(ProjectionLag lag,
            @Value("${vacant.health.projection-lag-threshold:60s}") Duration threshold) {
        return new ProjectionLagHealth(lag, threshold);
    }
}
