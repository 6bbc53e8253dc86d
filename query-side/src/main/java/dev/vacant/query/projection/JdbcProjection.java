package dev.vacant.query.projection;

import dev.vacant.kernel.vacant.VacantEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live side of a {@link Projector}: subclasses name the processing group and pick the projector; this
 * feeds it every vacant event with the app's database and clears its tables on a reset.
 */
public abstract class JdbcProjection {

    private final JdbcTemplate jdbc;
    private final StoredPositions positions;
    private final Projector projector;

    protected JdbcProjection(JdbcTemplate jdbc, StoredPositions positions, Projector projector) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.projector = projector;
    }

    @EventHandler
    void on(VacantEvent event, @MessageIdentifier String eventId) {
        projector.apply(jdbc, event, positions.of(eventId));
    }

    @ResetHandler
    void reset() {
        projector.reset(jdbc);
    }
}
