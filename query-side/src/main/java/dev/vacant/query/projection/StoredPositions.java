package dev.vacant.query.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code global_index} of a stored event, looked up by its identifier. A tracking token cannot tell it: an
 * event that fills a gap (its transaction committed after later ones) arrives with a token whose position is the
 * newest index seen, not its own. The projections sharing one processor handle an event one after the other, so
 * the last answer is kept; a whole batch is looked up in one query.
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

    /** Where each of {@code eventIds} stands in the store, in one query. */
    public Map<String, EventPosition> of(List<String> eventIds) {
        Map<String, EventPosition> found = new HashMap<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        jdbc.query("select event_identifier, global_index from domain_event_entry where event_identifier in ("
                        + SqlLists.placeholders(eventIds.size()) + ")",
                rs -> {
                    found.put(rs.getString(1), new EventPosition(rs.getLong(2)));
                }, eventIds.toArray());
        eventIds.stream().filter(id -> !found.containsKey(id)).findFirst().ifPresent(missing -> {
            throw new IllegalStateException("event " + missing + " is not in the store");
        });
        return found;
    }
}
