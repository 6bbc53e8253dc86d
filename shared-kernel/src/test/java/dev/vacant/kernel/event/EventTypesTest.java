package dev.vacant.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.task.ControlChangedEvent;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.task.TaskEvent;
import dev.vacant.kernel.task.TaskLogbookKind;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.VacantEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    private static List<Class<?>> signedEventTypes() {
        List<Class<?>> types = new ArrayList<>(Arrays.asList(VacantEvent.class.getPermittedSubclasses()));
        types.addAll(Arrays.asList(TaskEvent.class.getPermittedSubclasses()));
        types.add(ControlChangedEvent.class);
        return types;
    }

    @Test
    void of_namesEverySignedEventTypeOnce_withANameOfItsFamily() {
        assertThat(signedEventTypes()).allSatisfy(type -> assertThat(EventTypes.STANDARD.of(type)).as(type.getName())
                .hasValueSatisfying(row -> assertThat(row.family().names(row.name())).isTrue()));
        assertThat(EventTypes.STANDARD.rows().stream().<Class<?>>map(EventType::type).toList())
                .containsExactlyInAnyOrderElementsOf(signedEventTypes());
    }

    @Test
    void rows_giveEverySignedKindToExactlyOneVacantOrTaskType() {
        List<EventType> rows = EventTypes.STANDARD.rows();
        for (LogbookKind kind : LogbookKind.values()) {
            assertThat(rows).as(kind.name()).filteredOn(row -> row.family() == EventFamily.VACANT
                    && row.carries(kind.name())).hasSize(1);
        }
        for (TaskLogbookKind kind : TaskLogbookKind.values()) {
            assertThat(rows).as(kind.name()).filteredOn(row -> row.family() == EventFamily.TASK
                    && row.carries(kind.name())).hasSize(1);
        }
        assertThat(EventTypes.STANDARD.of(ControlChangedEvent.class).orElseThrow().kinds())
                .containsExactlyInAnyOrder(Arrays.stream(ControlMode.values()).map(ControlMode::command)
                        .toArray(String[]::new));
    }

    @Test
    void of_findsARowByStoredNameAndRevisionOnly() {
        assertThat(EventTypes.STANDARD.of("vacant.heartbeat", "1")).hasValueSatisfying(row ->
                assertThat(row.kinds()).containsExactlyInAnyOrder("HEARTBEAT", "HEARTBEAT_SUNK"));
        assertThat(EventTypes.STANDARD.of("vacant.heartbeat", "9")).isEmpty();
        assertThat(EventTypes.STANDARD.of("dev.vacant.kernel.vacant.VacantEvents$HeartbeatRecordedEvent", null))
                .isEmpty();
    }

    @Test
    void constructor_refusesATableNamingARowTwice() {
        EventType heartbeat = EventTypes.STANDARD.of("vacant.heartbeat", "1").orElseThrow();

        assertThatThrownBy(() -> new EventTypes(List.of(heartbeat, heartbeat)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
