package dev.vacant.kernel.lifecycle;

import static dev.vacant.kernel.lifecycle.LifecycleEvent.ARCHIVE_REQUESTED;
import static dev.vacant.kernel.lifecycle.LifecycleEvent.CALL_RECEIVED;
import static dev.vacant.kernel.lifecycle.LifecycleEvent.DORMANCY_ELAPSED;
import static dev.vacant.kernel.lifecycle.LifecycleEvent.HEARTBEAT;
import static dev.vacant.kernel.lifecycle.LifecycleEvent.REVIEW_RECEIVED;
import static dev.vacant.kernel.lifecycle.LifecycleEvent.REVIVE_REQUESTED;
import static dev.vacant.kernel.lifecycle.LifecycleEvent.SPAWN_REQUESTED;
import static dev.vacant.kernel.lifecycle.LifecycleState.ACTIVE;
import static dev.vacant.kernel.lifecycle.LifecycleState.ARCHIVED;
import static dev.vacant.kernel.lifecycle.LifecycleState.HIBERNATING;
import static dev.vacant.kernel.lifecycle.LifecycleState.LOCAL;
import static dev.vacant.kernel.lifecycle.LifecycleState.STALE;
import static dev.vacant.kernel.lifecycle.LifecycleState.SUNK;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle transition table as data: the 20 valid {@code (state, event) -> next} cells of
 * {@code transitions.csv}. Every absent cell is invalid; there are no silent no-ops.
 */
public final class TransitionTable {

    private static final Map<LifecycleState, Map<LifecycleEvent, LifecycleState>> VALID = new EnumMap<>(LifecycleState.class);
    private static volatile Map<LifecycleState, Map<LifecycleEvent, LifecycleState>> current = VALID;

    static {
        valid(LOCAL, HEARTBEAT, LOCAL);
        valid(LOCAL, CALL_RECEIVED, LOCAL);
        valid(LOCAL, REVIEW_RECEIVED, LOCAL);
        valid(LOCAL, SPAWN_REQUESTED, LOCAL);
        valid(ACTIVE, HEARTBEAT, ACTIVE);
        valid(ACTIVE, CALL_RECEIVED, ACTIVE);
        valid(ACTIVE, REVIEW_RECEIVED, ACTIVE);
        valid(ACTIVE, SPAWN_REQUESTED, ACTIVE);
        valid(ACTIVE, DORMANCY_ELAPSED, HIBERNATING);
        valid(HIBERNATING, HEARTBEAT, HIBERNATING);
        valid(HIBERNATING, CALL_RECEIVED, ACTIVE);
        valid(HIBERNATING, REVIEW_RECEIVED, HIBERNATING);
        valid(HIBERNATING, REVIVE_REQUESTED, ACTIVE);
        valid(HIBERNATING, DORMANCY_ELAPSED, STALE);
        valid(STALE, HEARTBEAT, STALE);
        valid(STALE, REVIEW_RECEIVED, STALE);
        valid(STALE, REVIVE_REQUESTED, ACTIVE);
        valid(STALE, DORMANCY_ELAPSED, SUNK);
        valid(SUNK, HEARTBEAT, SUNK);
        valid(SUNK, ARCHIVE_REQUESTED, ARCHIVED);
    }

    private TransitionTable() {
    }

    private static void valid(LifecycleState from, LifecycleEvent event, LifecycleState to) {
        VALID.computeIfAbsent(from, s -> new EnumMap<>(LifecycleEvent.class)).put(event, to);
    }

    /** The next state, or empty when the cell is invalid. */
    public static Optional<LifecycleState> next(LifecycleState state, LifecycleEvent event) {
        return Optional.ofNullable(current.getOrDefault(state, Map.of()).get(event));
    }

    /** The next state, or {@link InvalidTransitionException} naming state and event. */
    public static LifecycleState apply(LifecycleState state, LifecycleEvent event) {
        return next(state, event).orElseThrow(() -> new InvalidTransitionException(state, event));
    }

    /** All 42 cells, valid and invalid, in state then event declaration order. */
    public static List<Transition> cells() {
        List<Transition> cells = new ArrayList<>();
        for (LifecycleState state : LifecycleState.values()) {
            for (LifecycleEvent event : LifecycleEvent.values()) {
                cells.add(new Transition(state, event, next(state, event)));
            }
        }
        return Collections.unmodifiableList(cells);
    }

    /**
     * Changes one cell ({@code next} null makes it invalid) until the returned amendment is closed: a later edit of
     * the table, simulated, so that tests can show that recorded history replays to the same states under it.
     * Decisions taken meanwhile follow the amended cell. Not for production use.
     */
    public static Amendment amend(LifecycleState state, LifecycleEvent event, LifecycleState next) {
        Map<LifecycleState, Map<LifecycleEvent, LifecycleState>> amended = new EnumMap<>(LifecycleState.class);
        VALID.forEach((from, row) -> amended.put(from, new EnumMap<>(row)));
        Map<LifecycleEvent, LifecycleState> row = amended.computeIfAbsent(state, s -> new EnumMap<>(LifecycleEvent.class));
        if (next == null) {
            row.remove(event);
        } else {
            row.put(event, next);
        }
        current = amended;
        return () -> current = VALID;
    }

    /** A change of one cell, in force until closed. */
    @FunctionalInterface
    public interface Amendment extends AutoCloseable {
        @Override
        void close();
    }
}
