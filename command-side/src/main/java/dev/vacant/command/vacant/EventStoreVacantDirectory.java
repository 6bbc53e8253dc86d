package dev.vacant.command.vacant;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.ManifestAcceptedEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** A {@link VacantDirectory} over the committed events of the store, folded with {@code LogbookKind.evolve}. */
public class EventStoreVacantDirectory implements VacantDirectory {

    private final EventStore store;

    public EventStoreVacantDirectory(EventStore store) {
        this.store = store;
    }

    @Override
    public Optional<LifecycleState> state(String vacantId) {
        LifecycleState state = null;
        for (Object payload : store.readEvents(vacantId).asStream().map(m -> m.getPayload()).toList()) {
            VacantEvent event = (VacantEvent) payload;
            state = event.kind().evolve(state, event.namedState());
        }
        return Optional.ofNullable(state);
    }

    @Override
    public Optional<String> compositeOf(String vacantId) {
        return store.readEvents(vacantId).asStream().map(m -> (VacantEvent) m.getPayload())
                .filter(ManifestAcceptedEvent.class::isInstance).map(ManifestAcceptedEvent.class::cast)
                .map(accepted -> accepted.payload().manifest().parentId())
                .reduce((earlier, later) -> later);
    }
}
