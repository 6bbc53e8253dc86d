package dev.vacant.infra.persistence;

import static dev.vacant.kernel.audit.StoredHistory.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vacant.kernel.audit.FixtureVacant;
import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.audit.StreamingVerifier;
import dev.vacant.kernel.event.EventType;
import dev.vacant.kernel.event.EventTypes;
import dev.vacant.kernel.event.SignedEvent;
import dev.vacant.kernel.event.VacantEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/**
 * The event serializer over real Axon parts (Jackson serializer for metadata, the upcaster chain of a read): what it
 * stores is the signed entry whatever object mapper the application configures, and reads back as the event.
 */
class SignedEventSerializerTest {

    private final FixtureVacant vacant = new FixtureVacant();
    private final List<VacantEvent> history = List.of(vacant.genesis(T0), vacant.heartbeat(T0.plusSeconds(60)),
            vacant.call(T0.plusSeconds(120), "vac_caller"));

    private static Serializer serializerOver(ObjectMapper mapper) {
        return new SignedEventSerializer(EventTypes.STANDARD, JacksonSerializer.builder().objectMapper(mapper).build());
    }

    /** An application mapper unlike the kernel's: other names, indented, properties and map keys unsorted. */
    private static ObjectMapper unusualMapper() {
        return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT).disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    }

    /** The rows the JDBC storage engine writes for {@link #history} through {@code serializer}. */
    private List<GenericDomainEventEntry<byte[]>> store(Serializer serializer) {
        return store(serializer, history);
    }

    /** The rows the JDBC storage engine writes for {@code events} through {@code serializer}. */
    private List<GenericDomainEventEntry<byte[]>> store(Serializer serializer, List<VacantEvent> events) {
        List<GenericDomainEventEntry<byte[]>> rows = new ArrayList<>();
        for (VacantEvent event : events) {
            DomainEventMessage<?> message = (DomainEventMessage<?>) SignedEventStorageConfiguration.withAttachments(
                    new GenericDomainEventMessage<>("Vacant", vacant.id(), event.entry().seq(), event));
            SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
            rows.add(new GenericDomainEventEntry<>("Vacant", vacant.id(), event.entry().seq(),
                    UUID.randomUUID().toString(), T0, payload.getType().getName(), payload.getType().getRevision(),
                    payload.getData(), serializer.serialize(message.getMetaData(), byte[].class).getData()));
        }
        return rows;
    }

    private static List<StoredEvent> asAuditRows(List<GenericDomainEventEntry<byte[]>> rows) {
        return rows.stream().map(row -> new StoredEvent(row.getSequenceNumber() + 1, row.getAggregateIdentifier(),
                row.getSequenceNumber(), row.getType(), row.getPayload().getType().getName(),
                row.getPayload().getType().getRevision(), row.getPayload().getData(), row.getMetaData().getData()))
                .toList();
    }

    @Test
    void serialize_storesTheSameSignedEntry_whateverTheApplicationsObjectMapper() {
        List<GenericDomainEventEntry<byte[]>> plain = store(serializerOver(new ObjectMapper()));
        List<GenericDomainEventEntry<byte[]>> unusual = store(serializerOver(unusualMapper()));

        for (int i = 0; i < history.size(); i++) {
            EventType type = EventTypes.STANDARD.of(history.get(i).getClass()).orElseThrow();
            assertThat(unusual.get(i).getPayload().getData()).isEqualTo(plain.get(i).getPayload().getData());
            assertThat(unusual.get(i).getPayload().getType().getName()).isEqualTo(type.name());
            assertThat(unusual.get(i).getPayload().getType().getRevision()).isEqualTo("1");
        }
        assertThat(new String(unusual.get(0).getMetaData().getData())).contains("\n");
    }

    @Test
    void audit_findsAStoreWrittenUnderAnUnusualObjectMapperClean() {
        try (StreamingVerifier verifier = new StreamingVerifier(2)) {
            verifier.accept(asAuditRows(store(serializerOver(unusualMapper()))));

            assertThat(verifier.finish().failures()).isEmpty();
        }
    }

    @Test
    void read_givesBackEveryEvent_withTheGenesisAttachmentsFromItsMetadata() {
        Serializer serializer = serializerOver(unusualMapper());

        List<SignedEvent> read = EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                        store(serializer).stream(), serializer, new AttachmentsUpcaster(EventTypes.STANDARD)))
                .map(message -> (SignedEvent) message.getPayload()).toList();

        assertThat(read).containsExactlyElementsOf(history);
    }

    @Test
    void aRevision1Review_isWrittenBeforeAtRevision1Shape_andReadAsRevision2OnlyThroughTheRevisionUpcaster() {
        Serializer serializer = serializerOver(new ObjectMapper());
        List<VacantEvent> reviewed = new ArrayList<>(history);
        reviewed.add(vacant.review(T0.plusSeconds(180), "vac_reviewer", null));
        reviewed.add(vacant.review(T0.plusSeconds(240), "vac_reviewer", "Clear answers."));
        List<GenericDomainEventEntry<byte[]>> rows = new ArrayList<>(store(serializer, reviewed));
        GenericDomainEventEntry<byte[]> old = rows.get(3);
        rows.set(3, new GenericDomainEventEntry<>(old.getType(), old.getAggregateIdentifier(),
                old.getSequenceNumber(), old.getEventIdentifier(), T0, old.getPayload().getType().getName(), "1",
                old.getPayload().getData(), old.getMetaData().getData()));

        assertThat(rows.get(4).getPayload().getType().getName()).isEqualTo("vacant.review_received");
        assertThat(rows.get(4).getPayload().getType().getRevision()).isEqualTo("2");
        assertThat(new String(rows.get(4).getPayload().getData())).contains("\"comment\":\"Clear answers.\"");
        assertThat(new String(rows.get(3).getPayload().getData())).doesNotContain("comment");
        List<SignedEvent> read = EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                        rows.stream(), serializer, new EventUpcasterChain(new AttachmentsUpcaster(EventTypes.STANDARD),
                                new RevisionUpcaster(EventTypes.STANDARD))))
                .map(message -> (SignedEvent) message.getPayload()).toList();
        assertThat(read).containsExactlyElementsOf(reviewed);
        assertThat(read.get(3).entry().body().payload().has("comment")).isFalse();
        assertThatThrownBy(() -> EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                        rows.stream(), serializer, new AttachmentsUpcaster(EventTypes.STANDARD)))
                .forEach(DomainEventMessage::getPayload)).hasStackTraceContaining("r1 is read only once lifted");
        try (StreamingVerifier verifier = new StreamingVerifier(2)) {
            verifier.accept(asAuditRows(rows));

            assertThat(verifier.finish().failures()).isEmpty();
        }
    }
}
