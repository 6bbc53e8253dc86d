package dev.vacant.infra.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.event.EventType;
import dev.vacant.kernel.event.EventTypes;
import dev.vacant.kernel.event.SignedEvent;
import dev.vacant.kernel.event.StoredEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * Axon's event serializer: a signed event is stored as exactly its signed entry in RFC 8785 canonical form
 * ({@link StoredEntry}), named by {@link EventTypes} ({@code payload_type} the stable name, {@code payload_revision}
 * the revision), never by its Java class or any object mapper's settings. Everything else (metadata, events that are
 * not signed) goes to {@code delegate}, whose converter this serializer shares.
 * <p>
 * Attached events (genesis, birth) read back with the attachments {@link AttachmentsUpcaster} puts beside the entry in
 * the intermediate JSON ({@value #ATTACHMENTS_FIELD}); read without them (a dead letter), they fail to deserialize.
 * Only a name's current revision deserializes: a row of an earlier one reaches the application through
 * {@link RevisionUpcaster}, and read without it fails rather than hand an aggregate a shape it was not written for.
 */
public final class SignedEventSerializer implements Serializer {

    /** The field of the intermediate (never stored) JSON that carries an attached event's attachments. */
    static final String ATTACHMENTS_FIELD = "attachments";

    private final EventTypes types;
    private final Serializer delegate;

    public SignedEventSerializer(EventTypes types, Serializer delegate) {
        this.types = types;
        this.delegate = delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Optional<EventType> type = object == null ? Optional.empty() : types.of(object.getClass());
        if (type.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        byte[] stored = StoredEntry.encode(((SignedEvent) object).entry());
        return new SimpleSerializedObject<>(getConverter().convert(stored, byte[].class, expectedRepresentation),
                expectedRepresentation, serializedType(type.get()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Optional<EventType> type = typeOf(serializedObject.getType());
        if (type.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        if (!types.isCurrent(type.get())) {
            throw new IllegalArgumentException("a stored " + type.get().name() + " r" + type.get().revision()
                    + " is read only once lifted to its current revision (RevisionUpcaster)");
        }
        JsonNode tree = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                JsonNode.class);
        Map<String, JsonNode> attachments = new HashMap<>();
        tree.path(ATTACHMENTS_FIELD).fields().forEachRemaining(field -> attachments.put(field.getKey(), field.getValue()));
        return (T) StoredEntry.read(withoutAttachments(tree)).map(entry -> type.get().create(entry, attachments))
                .orElseThrow(() -> new IllegalArgumentException("a stored " + type.get().name() + " holds no entry"));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return typeOf(type).<Class>map(EventType::type).orElseGet(() -> delegate.classForType(type));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return types.of(type).map(SignedEventSerializer::serializedType).orElseGet(() -> delegate.typeForClass(type));
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private Optional<EventType> typeOf(SerializedType type) {
        return types.of(type.getName(), type.getRevision());
    }

    private static JsonNode withoutAttachments(JsonNode tree) {
        if (!tree.has(ATTACHMENTS_FIELD)) {
            return tree;
        }
        ObjectNode entry = tree.deepCopy();
        entry.remove(ATTACHMENTS_FIELD);
        return entry;
    }

    private static SerializedType serializedType(EventType type) {
        return new SimpleSerializedType(type.name(), type.revisionText());
    }
}
