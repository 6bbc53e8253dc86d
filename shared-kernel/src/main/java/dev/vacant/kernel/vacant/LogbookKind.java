package dev.vacant.kernel.vacant;

import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.lifecycle.TransitionTable;
import java.util.Optional;

/**
 * The kinds of entries on a vacant's logbook, each with the lifecycle event it drives (if any) and whether it
 * counts as activity for the dormancy timers. {@link #evolve} is the one state-evolution function shared by
 * the aggregate and every projection.
 */
public enum LogbookKind {
    GENESIS(null, true),
    BIRTH(null, true),
    PUBLISHED(null, false),
    HEARTBEAT(LifecycleEvent.HEARTBEAT, false),
    HEARTBEAT_SUNK(LifecycleEvent.HEARTBEAT, false),
    CALL_RECEIVED(LifecycleEvent.CALL_RECEIVED, true),
    REVIEW_RECEIVED(LifecycleEvent.REVIEW_RECEIVED, false),
    REVIVED(LifecycleEvent.REVIVE_REQUESTED, true),
    ARCHIVED(LifecycleEvent.ARCHIVE_REQUESTED, false),
    SPAWN(LifecycleEvent.SPAWN_REQUESTED, true),
    CONSENT_USED(LifecycleEvent.SPAWN_REQUESTED, true),
    CONSENT_GRANTED(null, false),
    DORMANCY_ELAPSED(LifecycleEvent.DORMANCY_ELAPSED, false),
    BEHAVIOR_SAMPLED(null, false),
    DRIFT_DETECTED(null, false),
    ANCHOR_RESET(null, false),
    CHILD_REGISTERED(null, false),
    MANIFEST_ACCEPTED(null, false),
    ALLOWLIST_CHANGED(null, false),
    OUTBOUND_ALLOWED(null, false),
    OUTBOUND_DENIED(null, false),
    DELEGATED(null, true),
    TASK_RECEIVED(LifecycleEvent.CALL_RECEIVED, true),
    DELEGATION_COMPLETED(null, false),
    GRADUATED(null, true);

    private final LifecycleEvent lifecycleEvent;
    private final boolean activity;

    LogbookKind(LifecycleEvent lifecycleEvent, boolean activity) {
        this.lifecycleEvent = lifecycleEvent;
        this.activity = activity;
    }

    /** The lifecycle event this kind drives through the transition table, if any. */
    public Optional<LifecycleEvent> lifecycleEvent() {
        return Optional.ofNullable(lifecycleEvent);
    }

    /** Whether this kind sets {@code last_active}. */
    public boolean isActivity() {
        return activity;
    }

    /**
     * The state after an entry of this kind, given the state its payload names ({@link VacantEvent#namedState()}):
     * births take the state they name, a graduation takes the state it names on the child's chain (ACTIVE) and
     * names none on the parent's, publish makes a vacant ACTIVE, lifecycle kinds go through the transition table,
     * everything else leaves the state as it is.
     */
    public LifecycleState evolve(LifecycleState current, LifecycleState named) {
        if (this == GENESIS || this == BIRTH) {
            return named;
        }
        if (this == GRADUATED) {
            return named == null ? current : named;
        }
        if (this == PUBLISHED) {
            return LifecycleState.ACTIVE;
        }
        return lifecycleEvent().map(event -> TransitionTable.apply(current, event)).orElse(current);
    }
}
