package dev.vacant.infra.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.event.EventType;
import dev.vacant.kernel.event.EventTypes;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Lifts a stored row of an earlier revision of a name to the name's current revision ({@link EventTypes#lift}) on
 * every read of the store, so aggregates and projections only ever see current revisions. It relabels the revision
 * only: the signed entry is the stored bytes, which no upcaster may change, and a later revision only adds optional
 * payload fields (an older entry reads with them absent). The stored row keeps its revision.
 */
public final class RevisionUpcaster extends SingleEventUpcaster {

    private final EventTypes types;

    public RevisionUpcaster(EventTypes types) {
        this.types = types;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return current(representation).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        EventType current = current(representation).orElseThrow();
        return representation.upcastPayload(new SimpleSerializedType(current.name(), current.revisionText()),
                JsonNode.class, Function.identity());
    }

    private Optional<EventType> current(IntermediateEventRepresentation representation) {
        return types.lift(representation.getType().getName(), representation.getType().getRevision());
    }
}
