package dev.vacant.kernel.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskTransitionTableTest {

    /** The table of {@code docs/tasks.md} as data ({@code task-transitions.csv}): "state,event" -> next. */
    private static Map<String, TaskState> documentedCells() throws IOException {
        try (InputStream in = TaskTransitionTableTest.class.getResourceAsStream("/task-transitions.csv")) {
            Map<String, TaskState> cells = new HashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .map(line -> line.trim().split(","))
                    .forEach(row -> cells.put(row[0] + "," + row[1], TaskState.valueOf(row[2])));
            return cells;
        }
    }

    static Stream<Arguments> allCells() {
        return Stream.of(TaskState.values())
                .flatMap(state -> Stream.of(TaskLifecycleEvent.values()).map(event -> Arguments.of(state, event)));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("allCells")
    void cell_matchesDocumentedTable_forEveryStateAndEvent(TaskState state, TaskLifecycleEvent event) throws IOException {
        TaskState expected = documentedCells().get(state + "," + event);

        assertThat(TaskTransitionTable.next(state, event)).isEqualTo(Optional.ofNullable(expected));
        if (expected == null) {
            assertThatThrownBy(() -> TaskTransitionTable.apply(state, event))
                    .isInstanceOfSatisfying(InvalidTaskTransitionException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TRANSITION);
                        assertThat(e.details()).containsEntry("state", state.name()).containsEntry("event", event.name());
                    });
        } else {
            assertThat(TaskTransitionTable.apply(state, event)).isEqualTo(expected);
        }
    }

    @Test
    void cells_listAll88With11Valid() throws IOException {
        assertThat(TaskTransitionTable.cells()).hasSize(88);
        assertThat(TaskTransitionTable.cells()).filteredOn(TaskTransition::valid).hasSize(11)
                .hasSize(documentedCells().size());
    }

    @Test
    void finalStates_acceptNoEvent_andOnlyQueuedIsTakeable() {
        assertThat(Stream.of(TaskState.values()).filter(TaskState::isFinal))
                .containsExactly(TaskState.APPROVED, TaskState.FAILED, TaskState.REJECTED);
        assertThat(TaskTransitionTable.cells()).filteredOn(cell -> cell.state().isFinal())
                .allSatisfy(cell -> assertThat(cell.valid()).isFalse());
        assertThat(Stream.of(TaskState.values()).filter(TaskState::isTakeable)).containsExactly(TaskState.QUEUED);
    }
}
