package dev.vacant.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.event.VacantEvents.ReviewReceivedEvent;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.task.TaskLogbookKind;
import dev.vacant.kernel.vacant.LogbookKind;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    /** The concrete types of the sealed family below {@code type}: its permitted records, through sealed interfaces. */
    private static Stream<Class<?>> concreteTypesOf(Class<?> type) {
        return type.isSealed() && type.isInterface()
                ? Arrays.stream(type.getPermittedSubclasses()).flatMap(EventTypesTest::concreteTypesOf)
                : Stream.of(type);
    }

    private static List<Class<?>> signedEventTypes() {
        return concreteTypesOf(SignedEvent.class).toList();
    }

    @Test
    void signedEvent_isOneSealedFamilyOfRecords() {
        assertThat(SignedEvent.class.isSealed()).isTrue();
        assertThat(SignedEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrder(VacantEvent.class,
                TaskEvent.class, ControlChangedEvent.class);
        assertThat(signedEventTypes()).isNotEmpty().doesNotHaveDuplicates().allMatch(Class::isRecord);
    }

    @Test
    void theTable_namesExactlyTheSealedFamily_everyTypeOnceAsCurrent_withANameOfItsFamily() {
        assertThat(signedEventTypes()).allSatisfy(type -> assertThat(EventTypes.STANDARD.of(type)).as(type.getName())
                .hasValueSatisfying(row -> assertThat(row.family().names(row.name())).isTrue()));
        assertThat(EventTypes.STANDARD.rows().stream().filter(EventTypes.STANDARD::isCurrent)
                .<Class<?>>map(EventType::type).toList()).containsExactlyInAnyOrderElementsOf(signedEventTypes());
        assertThat(EventTypes.STANDARD.rows()).allSatisfy(row -> assertThat(signedEventTypes()).contains(row.type()));
    }

    @Test
    void currentRows_giveEverySignedKindToExactlyOneVacantOrTaskType() {
        List<EventType> rows = EventTypes.STANDARD.rows().stream().filter(EventTypes.STANDARD::isCurrent).toList();
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

    @Test
    void reviewReceived_keepsRevision1Readable_andWritesAndReadsRevision2() {
        EventType r1 = EventTypes.STANDARD.of("vacant.review_received", "1").orElseThrow();
        EventType r2 = EventTypes.STANDARD.of("vacant.review_received", "2").orElseThrow();

        assertThat(EventTypes.STANDARD.of(ReviewReceivedEvent.class)).containsSame(r2);
        assertThat(EventTypes.STANDARD.isCurrent(r2)).isTrue();
        assertThat(EventTypes.STANDARD.isCurrent(r1)).isFalse();
        assertThat(r1.type()).isEqualTo(r2.type());
        assertThat(EventTypes.STANDARD.lift("vacant.review_received", "1")).containsSame(r2);
        assertThat(EventTypes.STANDARD.lift("vacant.review_received", "2")).isEmpty();
        assertThat(EventTypes.STANDARD.lift("vacant.heartbeat", "1")).isEmpty();
        assertThat(EventTypes.STANDARD.lift("vacant.review_received", "3")).isEmpty();
    }

    @Test
    void constructor_refusesATypeUnderTwoNames_orItsRevisionsOutOfOrder() {
        EventType r1 = EventTypes.STANDARD.of("vacant.review_received", "1").orElseThrow();
        EventType r2 = EventTypes.STANDARD.of("vacant.review_received", "2").orElseThrow();
        EventType renamed = new EventType("vacant.review_given", 1, r1.type(), r1.kinds(), false, r1.factory());

        assertThatThrownBy(() -> new EventTypes(List.of(r1, renamed))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventTypes(List.of(r2, r1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new EventTypes(List.of(r1, r2)).of(ReviewReceivedEvent.class)).containsSame(r2);
    }
}
