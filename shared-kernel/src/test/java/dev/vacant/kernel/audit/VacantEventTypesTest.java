package dev.vacant.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.kernel.vacant.VacantEvents.CallReceivedEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VacantEventTypesTest {

    private static List<Class<? extends VacantEvent>> eventTypes() {
        return Arrays.stream(VacantEvent.class.getPermittedSubclasses())
                .<Class<? extends VacantEvent>>map(type -> type.asSubclass(VacantEvent.class)).toList();
    }

    @Test
    void kindsOf_namesAtLeastOneKind_forEveryEventType() {
        assertThat(eventTypes()).allSatisfy(type -> assertThat(VacantEventTypes.kindsOf(type)).as(type.getName()).isNotEmpty());
    }

    @Test
    void kindsOf_givesEveryLogbookKindToExactlyOneEventType_always() {
        for (LogbookKind kind : LogbookKind.values()) {
            assertThat(eventTypes()).as(kind.name()).filteredOn(type -> VacantEventTypes.kindsOf(type).contains(kind)).hasSize(1);
        }
    }

    @Test
    void classOf_resolvesOnlyVacantEventBinaryNames_whenGivenPayloadTypes() {
        assertThat(VacantEventTypes.classOf(CallReceivedEvent.class.getName())).contains(CallReceivedEvent.class);
        assertThat(VacantEventTypes.classOf("dev.vacant.kernel.vacant.VacantEvents$NoSuchEvent")).isEmpty();
        assertThat(VacantEventTypes.classOf(String.class.getName())).isEmpty();
    }

    @Test
    void isVacantRow_isTrue_whenEitherTheAggregateTypeOrThePayloadTypeNamesTheVacant() {
        byte[] payload = new byte[0];
        String call = CallReceivedEvent.class.getName();

        assertThat(VacantEventTypes.isVacantRow(new StoredEvent(1, "a", 0, "Vacant", call, payload))).isTrue();
        assertThat(VacantEventTypes.isVacantRow(new StoredEvent(1, "a", 0, "Vacanu", call, payload))).isTrue();
        assertThat(VacantEventTypes.isVacantRow(new StoredEvent(1, "a", 0, "Vacant", "x.Other", payload))).isTrue();
        assertThat(VacantEventTypes.isVacantRow(new StoredEvent(1, "t", 0, "Task", "dev.vacant.kernel.task.TaskCreated", payload)))
                .isFalse();
    }
}
