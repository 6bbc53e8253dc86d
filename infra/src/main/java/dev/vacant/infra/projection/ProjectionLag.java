package dev.vacant.infra.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the projections' processor is behind the event store: stored events past its lowest stored position, and
 * how long ago the oldest of them was stored (by the event's own timestamp and the real clock; zero when none).
 */
public final class ProjectionLag {

    /** The lag now. */
    public record Lag(long events, Duration behind) {
    }

    private final ProjectionPositions positions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProjectionLag(ProjectionPositions positions, JdbcTemplate jdbc, Clock clock) {
        this.positions = positions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Lag current() {
        long position = positions.position();
        long events = Math.max(0, positions.head() - position);
        List<String> oldest = events == 0 ? List.of() : jdbc.queryForList(
                "select time_stamp from domain_event_entry where global_index > ? order by global_index limit 1",
                String.class, position);
        Duration behind = oldest.isEmpty() ? Duration.ZERO : Duration.between(Instant.parse(oldest.get(0)), clock.instant());
        return new Lag(events, behind.isNegative() ? Duration.ZERO : behind);
    }
}
