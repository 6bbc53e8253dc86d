package dev.vacant.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One savepoint per event inside a projection batch's transaction: an event a projector cannot store is rolled
 * back alone, so the batch's transaction stays usable (on PostgreSQL a failed statement aborts the whole
 * transaction) and the processor's dead-letter queue can park that event while the others commit. The
 * projections sharing one processor handle an event one after the other: the first sets the savepoint (releasing
 * the previous event's), the others join it. Outside a transaction (nothing to protect) the work just runs.
 */
@Component
public class EventSavepoints {

    private static final String SAVEPOINT = "projected_event";
    private static final String FIRST = "savepoint " + SAVEPOINT;
    /** The previous event's savepoint is released (nesting them costs more than a statement), in one round trip. */
    private static final String NEXT = "release savepoint " + SAVEPOINT + "; savepoint " + SAVEPOINT;

    /** The event whose savepoint is the newest one of the transaction holding {@code connection}. */
    private record Marked(Object connection, String eventId) {
    }

    private final JdbcTemplate jdbc;
    private final ThreadLocal<Marked> marked = new ThreadLocal<>();

    public EventSavepoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code work} for event {@code eventId}; if it fails, every change made for that event is undone. */
    public void run(String eventId, Runnable work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            work.run();
            return;
        }
        Marked current = new Marked(TransactionSynchronizationManager.getResource(jdbc.getDataSource()), eventId);
        Marked previous = marked.get();
        if (!current.equals(previous)) {
            jdbc.execute(previous != null && previous.connection() == current.connection() ? NEXT : FIRST);
            marked.set(current);
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            marked.remove();
            jdbc.execute("rollback to savepoint " + SAVEPOINT);
            throw e;
        }
    }
}
