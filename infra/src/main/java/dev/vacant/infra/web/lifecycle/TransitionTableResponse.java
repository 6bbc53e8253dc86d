package dev.vacant.infra.web.lifecycle;

import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.lifecycle.Transition;
import dev.vacant.kernel.lifecycle.TransitionTable;
import java.util.Arrays;
import java.util.List;

/**
 * The lifecycle transition table as served over REST: every cell, valid and invalid, and the
 * predicates of every state.
 *
 * @param cells      the 42 {@code (state, event)} cells in table order
 * @param predicates one entry per state
 */
public record TransitionTableResponse(List<Cell> cells, List<StatePredicates> predicates) {

    /** Builds the response from the kernel's {@link TransitionTable}. */
    public static TransitionTableResponse fromKernel() {
        return new TransitionTableResponse(
                TransitionTable.cells().stream().map(Cell::of).toList(),
                Arrays.stream(LifecycleState.values()).map(StatePredicates::of).toList());
    }

    /**
     * One cell of the table.
     *
     * @param next the resulting state, {@code null} when the cell is invalid
     */
    public record Cell(LifecycleState state, LifecycleEvent event, boolean valid, LifecycleState next) {

        static Cell of(Transition transition) {
            return new Cell(transition.state(), transition.event(), transition.valid(), transition.next().orElse(null));
        }
    }

    /** The predicates of one state (see {@link LifecycleState}). */
    public record StatePredicates(LifecycleState state, boolean canReview, boolean isRunnable,
                                  boolean canBeCalled, boolean requiresRevive) {

        static StatePredicates of(LifecycleState state) {
            return new StatePredicates(state, state.canReview(), state.isRunnable(), state.canBeCalled(), state.requiresRevive());
        }
    }
}
