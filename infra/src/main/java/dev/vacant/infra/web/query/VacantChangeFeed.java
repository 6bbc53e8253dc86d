package dev.vacant.infra.web.query;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.query.logbook.LogbookQueries.StoredEntry;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The changes of one vacant as they are committed: its logbook entries from a seq, read from the event store (the
 * chain itself, so in seq order, without gaps and without waiting for a projection), each with the state it left
 * the vacant in when it changed it. Only callers who may see the vacant may follow it ({@code NOT_FOUND} otherwise,
 * decided once the registry has caught up, so a vacant just created can be followed at once).
 */
@Component
public class VacantChangeFeed {

    /** One entry, as the logbook query answers it, and the state after it when it changed the state, else null. */
    public record Change(StoredEntry entry, LifecycleState state) {
    }

    private final EventStore events;
    private final VacantQueryService queries;

    public VacantChangeFeed(EventStore events, VacantQueryService queries) {
        this.events = events;
        this.queries = queries;
    }

    /** A cursor on {@code id}'s changes from {@code fromSeq}. */
    public Cursor follow(Actor actor, String id, long fromSeq) {
        queries.requireVisibleNow(actor, id);
        return new Cursor(id, fromSeq);
    }

    /**
     * Where a follower is: the next seq to read and the state so far (folded from seq 0; entries before the first
     * one asked for are folded, not answered). Used by one thread at a time.
     */
    public final class Cursor {

        private final String id;
        private final long fromSeq;
        private long next;
        private LifecycleState state;

        private Cursor(String id, long fromSeq) {
            this.id = id;
            this.fromSeq = fromSeq;
        }

        /** The changes committed since the previous call, in seq order. */
        public List<Change> next() {
            List<Change> changes = new ArrayList<>();
            events.readEvents(id, next).asStream()
                    .map(DomainEventMessage::getPayload)
                    .filter(VacantEvent.class::isInstance).map(VacantEvent.class::cast)
                    .forEach(event -> {
                        LifecycleState after = event.kind().evolve(state, event.namedState());
                        if (event.entry().seq() >= fromSeq) {
                            changes.add(new Change(new StoredEntry(event.entry().seq(), event.entry().body().toJson(),
                                    event.entry().sig(), event.entry().hash()), after == state ? null : after));
                        }
                        state = after;
                        next = event.entry().seq() + 1;
                    });
            return changes;
        }
    }
}
