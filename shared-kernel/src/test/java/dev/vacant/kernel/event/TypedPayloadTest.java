package dev.vacant.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.vacant.Payloads;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An event whose payload the aggregate and projections read as a typed record carries it decoded once, when the event
 * table's factory builds the event from its stored entry: every reader of that event reads the same object.
 */
class TypedPayloadTest {

    private final Map<String, SignedEvent> examples = SignedEventExamples.all();

    private static Optional<RecordComponent> payloadComponent(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).filter(component -> component.getName().equals("payload"))
                .findFirst();
    }

    private static Object read(RecordComponent component, SignedEvent event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTablesFactory_decodesTheEntrysPayloadOnce_andEveryReadReturnsThatObject() {
        List<EventType> typed = EventTypes.STANDARD.rows().stream().filter(EventTypes.STANDARD::isCurrent)
                .filter(row -> payloadComponent(row.type()).isPresent()).toList();

        assertThat(typed).extracting(EventType::name).contains("vacant.genesis", "vacant.birth",
                "vacant.behavior_sampled", "vacant.manifest_accepted", "vacant.child_registered", "vacant.graduated",
                "vacant.allowlist_changed", "vacant.delegated", "vacant.delegation_completed");
        for (EventType row : typed) {
            SignedEvent example = examples.get(row.name());
            SignedEvent stored = row.create(example.entry(),
                    example instanceof Attached attached ? attached.attachments() : Map.of());
            RecordComponent payload = payloadComponent(row.type()).orElseThrow();
            Object first = read(payload, stored);

            assertThat(first).as(row.name()).isNotNull().isSameAs(read(payload, stored));
            assertThat(first).as(row.name()).usingRecursiveComparison()
                    .isEqualTo(Payloads.read(stored.entry().body().payload(), payload.getType()));
            assertThat(stored).as(row.name()).isEqualTo(example);
        }
    }
}
