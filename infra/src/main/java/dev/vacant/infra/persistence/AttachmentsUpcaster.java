package dev.vacant.infra.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.event.Attached;
import dev.vacant.kernel.event.EventType;
import dev.vacant.kernel.event.EventTypes;
import dev.vacant.kernel.json.Json;
import java.util.Map;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Puts an attached event's attachments (stored in its metadata, {@link Attached#META_DATA_KEY}) beside its entry in
 * the JSON the {@link SignedEventSerializer} reads, on every read of the store (aggregates and tracking processors).
 * The stored row is not changed.
 */
public final class AttachmentsUpcaster extends SingleEventUpcaster {

    private final EventTypes types;

    public AttachmentsUpcaster(EventTypes types) {
        this.types = types;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return types.of(representation.getType().getName(), representation.getType().getRevision())
                .filter(EventType::attached).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        Object stored = representation.getMetaData().getObject().get(Attached.META_DATA_KEY);
        ObjectNode attachments = Json.object();
        if (stored instanceof Map<?, ?> texts) {
            texts.forEach((digest, text) -> attachments.set(String.valueOf(digest), Json.parse(String.valueOf(text))));
        }
        return representation.upcastPayload(representation.getType(), JsonNode.class, entry -> {
            ObjectNode withAttachments = entry.deepCopy();
            withAttachments.set(SignedEventSerializer.ATTACHMENTS_FIELD, attachments);
            return withAttachments;
        });
    }
}
