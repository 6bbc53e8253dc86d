package dev.vacant.query.projection;

import dev.vacant.kernel.event.VacantEvent;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One read model's event-application logic, written against whatever {@link JdbcTemplate} it is given: the
 * live tables (through its Axon projection) or a scratch schema (audit replay rebuilds). Rules:
 * <ul>
 *   <li>unqualified table names only (the connection's schema decides where rows go);</li>
 *   <li>idempotent: applying an event twice leaves the same rows (projectors remember per-vacant seq);</li>
 *   <li>deterministic: rows depend only on the events (no clock, no random), so a rebuild is identical;</li>
 *   <li>portable SQL (PostgreSQL and H2 in PostgreSQL mode), no upsert syntax: update, then insert.</li>
 * </ul>
 */
public interface Projector {

    /** The projection's name (in the API; every projection runs in {@link ProjectionCatalog#PROCESSING_GROUP}). */
    String name();

    /** The tables it writes, in the order they should be cleared and compared. */
    List<ProjectionTable> tables();

    /** Applies one event. */
    void apply(JdbcTemplate jdbc, VacantEvent event, EventPosition position);

    /**
     * Applies {@code events}, in order, leaving exactly the rows {@link #apply} would leave applied one by one.
     * Projectors that write on most events override it to read and write a whole batch in a few JDBC batches.
     */
    default void applyAll(JdbcTemplate jdbc, List<PositionedEvent> events) {
        events.forEach(positioned -> apply(jdbc, positioned.event(), positioned.position()));
    }

    /**
     * The instance that rebuilds its tables into an empty scratch schema for one audit replay, as their only writer,
     * in global order: this one by default; a projector may return one of its own that remembers what it wrote
     * instead of reading it back.
     */
    default Projector forRebuild() {
        return this;
    }

    /** Deletes every row of its tables (before a replay). */
    default void reset(JdbcTemplate jdbc) {
        tables().forEach(table -> jdbc.update("delete from " + table.name()));
    }
}
