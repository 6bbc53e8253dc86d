package dev.vacant.query.projection;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code global_index} of a stored event, looked up by its identifier. A tracking token cannot tell it: an
 * event that fills a gap (its transaction committed after later ones) arrives with a token whose position is the
 * newest index seen, not its own. The projections sharing one processor handle an event one after the other, so
 * the last answer is kept.
 */
@Component
public class StoredPositions {

    private record Known(String eventId, EventPosition position) {
    }

    private final JdbcTemplate jdbc;
    private final AtomicReference<Known> lastKnown = new AtomicReference<>(new Known("", new EventPosition(0)));

    public StoredPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the event {@code eventId} stands in the store. */
    public EventPosition of(String eventId) {
        Known last = lastKnown.get();
        if (last.eventId().equals(eventId)) {
            return last.position();
        }
        Long index = jdbc.queryForObject("select global_index from domain_event_entry where event_identifier = ?",
                Long.class, eventId);
        if (index == null) {
            throw new IllegalStateException("event " + eventId + " is not in the store");
        }
        EventPosition position = new EventPosition(index);
        lastKnown.set(new Known(eventId, position));
        return position;
    }
}
