package dev.vacant.infra.web.task;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.task.TaskLifecycleEvent;
import dev.vacant.kernel.task.TaskState;
import dev.vacant.kernel.task.TaskTransition;
import dev.vacant.kernel.task.TaskTransitionTable;
import java.util.Arrays;
import java.util.List;

/**
 * The task transition table as served over REST, in the shape of the vacant's table: every cell, valid and
 * invalid, and the predicates of every state.
 *
 * @param cells      the 88 {@code (state, event)} cells in table order
 * @param predicates one entry per state
 */
public record TaskTransitionTableResponse(List<Cell> cells, List<StatePredicates> predicates) {

    /** Builds the response from the kernel's {@link TaskTransitionTable}. */
    public static TaskTransitionTableResponse fromKernel() {
        return new TaskTransitionTableResponse(
                TaskTransitionTable.cells().stream().map(Cell::of).toList(),
                Arrays.stream(TaskState.values()).map(StatePredicates::of).toList());
    }

    /**
     * One cell of the table.
     *
     * @param next the resulting state, {@code null} when the cell is invalid
     */
    public record Cell(TaskState state, TaskLifecycleEvent event, boolean valid, TaskState next) {

        static Cell of(TaskTransition transition) {
            return new Cell(transition.state(), transition.event(), transition.valid(), transition.next().orElse(null));
        }
    }

    /** The predicates of one state (see {@link TaskState}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StatePredicates(TaskState state, boolean isFinal, boolean isTakeable) {

        static StatePredicates of(TaskState state) {
            return new StatePredicates(state, state.isFinal(), state.isTakeable());
        }
    }
}
