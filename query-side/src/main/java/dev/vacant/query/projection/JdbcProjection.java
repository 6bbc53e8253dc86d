package dev.vacant.query.projection;

import dev.vacant.kernel.event.VacantEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live side of a {@link Projector}: subclasses name the processing group and pick the projector; this
 * feeds it every vacant event with the app's database and clears its tables on a reset. An event normally arrives
 * already applied with the rest of its processor batch ({@link ProjectionBatches}); otherwise (the batch failed, or
 * a dead-letter retry) it is applied here under its own savepoint ({@link EventSavepoints}).
 */
public abstract class JdbcProjection {

    private final JdbcTemplate jdbc;
    private final StoredPositions positions;
    private final Projector projector;
    private EventSavepoints savepoints;
    private ProjectionBatches batches;

    protected JdbcProjection(JdbcTemplate jdbc, StoredPositions positions, Projector projector) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.projector = projector;
    }

    /** Set by the container (subclasses keep their constructors). */
    @Autowired
    void setSavepoints(EventSavepoints savepoints, ProjectionBatches batches) {
        this.savepoints = savepoints;
        this.batches = batches;
    }

    @EventHandler
    void on(VacantEvent event, @MessageIdentifier String eventId) {
        if (batches.appliedWithBatch(eventId)) {
            return;
        }
        savepoints.run(eventId, () -> projector.apply(jdbc, event, positions.of(eventId)));
    }

    @ResetHandler
    void reset() {
        projector.reset(jdbc);
    }
}
