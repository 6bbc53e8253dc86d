package dev.vacant.kernel.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransitionTableTest {

    /** The spec's {@code transitions.csv}, copied into test resources: "state,event" -> next. */
    private static Map<String, LifecycleState> specCells() throws IOException {
        try (InputStream in = TransitionTableTest.class.getResourceAsStream("/transitions.csv")) {
            Map<String, LifecycleState> cells = new HashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .map(line -> line.trim().split(","))
                    .forEach(row -> cells.put(row[0] + "," + row[1], LifecycleState.valueOf(row[2])));
            return cells;
        }
    }

    static Stream<Arguments> allCells() {
        return Stream.of(LifecycleState.values())
                .flatMap(state -> Stream.of(LifecycleEvent.values()).map(event -> Arguments.of(state, event)));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("allCells")
    void cell_matchesSpecCsv_forEveryStateAndEvent(LifecycleState state, LifecycleEvent event) throws IOException {
        LifecycleState expected = specCells().get(state + "," + event);

        assertThat(TransitionTable.next(state, event)).isEqualTo(java.util.Optional.ofNullable(expected));
        if (expected == null) {
            assertThatThrownBy(() -> TransitionTable.apply(state, event))
                    .isInstanceOf(InvalidTransitionException.class)
                    .hasMessageContaining(state.name()).hasMessageContaining(event.name())
                    .extracting(e -> ((VacantException) e).code()).isEqualTo(ErrorCode.INVALID_TRANSITION);
        } else {
            assertThat(TransitionTable.apply(state, event)).isEqualTo(expected);
        }
    }

    @Test
    void cells_listAll42With20Valid() throws IOException {
        assertThat(TransitionTable.cells()).hasSize(42);
        assertThat(TransitionTable.cells()).filteredOn(Transition::valid).hasSize(20).hasSize(specCells().size());
    }

    @Test
    void invalidTransition_carriesStateAndEventDetails() {
        assertThatThrownBy(() -> TransitionTable.apply(LifecycleState.ARCHIVED, LifecycleEvent.HEARTBEAT))
                .isInstanceOfSatisfying(InvalidTransitionException.class, e -> assertThat(e.details())
                        .containsEntry("state", "ARCHIVED").containsEntry("event", "HEARTBEAT"));
    }

    @Test
    void predicates_matchLifecycleSpec() {
        assertThat(Stream.of(LifecycleState.values()).filter(LifecycleState::canReview))
                .containsExactly(LifecycleState.LOCAL, LifecycleState.ACTIVE, LifecycleState.HIBERNATING);
        assertThat(Stream.of(LifecycleState.values()).filter(LifecycleState::isRunnable))
                .containsExactly(LifecycleState.LOCAL, LifecycleState.ACTIVE);
        assertThat(Stream.of(LifecycleState.values()).filter(LifecycleState::canBeCalled))
                .containsExactly(LifecycleState.LOCAL, LifecycleState.ACTIVE, LifecycleState.HIBERNATING);
        assertThat(Stream.of(LifecycleState.values()).filter(LifecycleState::requiresRevive))
                .containsExactly(LifecycleState.STALE);
    }
}
