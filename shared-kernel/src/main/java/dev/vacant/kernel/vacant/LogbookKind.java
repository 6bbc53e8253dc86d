package dev.vacant.kernel.vacant;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.lifecycle.LifecycleEvent;
import dev.vacant.kernel.lifecycle.LifecycleState;
import java.util.Optional;

/**
 * The kinds of entries on a vacant's logbook, each with the lifecycle event it drives (if any) and whether it
 * counts as activity for the dormancy timers, and the payload field in which it records the state it led to.
 * {@link #evolve} is the one state-evolution function shared by the aggregate and every projection.
 */
public enum LogbookKind {
    GENESIS(null, true, "state"),
    BIRTH(null, true, "state"),
    PUBLISHED(null, false, null),
    HEARTBEAT(LifecycleEvent.HEARTBEAT, false, null),
    HEARTBEAT_SUNK(LifecycleEvent.HEARTBEAT, false, null),
    CALL_RECEIVED(LifecycleEvent.CALL_RECEIVED, true, "to"),
    REVIEW_RECEIVED(LifecycleEvent.REVIEW_RECEIVED, false, null),
    REVIVED(LifecycleEvent.REVIVE_REQUESTED, true, "to"),
    ARCHIVED(LifecycleEvent.ARCHIVE_REQUESTED, false, "to"),
    SPAWN(LifecycleEvent.SPAWN_REQUESTED, true, null),
    CONSENT_USED(LifecycleEvent.SPAWN_REQUESTED, true, null),
    CONSENT_GRANTED(null, false, null),
    DORMANCY_ELAPSED(LifecycleEvent.DORMANCY_ELAPSED, false, "to"),
    BEHAVIOR_SAMPLED(null, false, null),
    DRIFT_DETECTED(null, false, null),
    ANCHOR_RESET(null, false, null),
    CHILD_REGISTERED(null, false, null),
    MANIFEST_ACCEPTED(null, false, null),
    ALLOWLIST_CHANGED(null, false, null),
    OUTBOUND_ALLOWED(null, false, null),
    OUTBOUND_DENIED(null, false, null),
    DELEGATED(null, true, null),
    TASK_RECEIVED(LifecycleEvent.CALL_RECEIVED, true, "to"),
    DELEGATION_COMPLETED(null, false, null),
    GRADUATED(null, true, "state");

    private final LifecycleEvent lifecycleEvent;
    private final boolean activity;
    private final String stateField;

    LogbookKind(LifecycleEvent lifecycleEvent, boolean activity, String stateField) {
        this.lifecycleEvent = lifecycleEvent;
        this.activity = activity;
        this.stateField = stateField;
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
     * The payload field in which entries of this kind record the state they led to ({@code state} for births and
     * graduations, {@code to} for transitions and calls), or empty for kinds that record none: those never change
     * the state (the kernel's tests hold the transition table to that).
     */
    public Optional<String> stateField() {
        return Optional.ofNullable(stateField);
    }

    /**
     * The state after an entry of this kind, from the recorded facts only (never today's transition table, so a
     * later edit of the table cannot change history on replay): the state the entry records
     * ({@link VacantEvent#namedState()}) if any; publishing makes a vacant ACTIVE; a call or task recorded before
     * entries named their state follows {@link #callRecordedWithoutState}; every other entry leaves the state as it
     * is (a parent's GRADUATED names none).
     */
    public LifecycleState evolve(LifecycleState current, LifecycleState recorded) {
        if (recorded != null) {
            return recorded;
        }
        if (this == PUBLISHED) {
            return LifecycleState.ACTIVE;
        }
        if (this == CALL_RECEIVED || this == TASK_RECEIVED) {
            return callRecordedWithoutState(current);
        }
        return current;
    }

    /**
     * The state after a CALL_RECEIVED or TASK_RECEIVED written before these entries recorded {@code to}: the rule in
     * force when they were signed, frozen here (a call wakes a HIBERNATING vacant and leaves any other state as it
     * was), so those rows replay as they were decided whatever the table says today.
     */
    static LifecycleState callRecordedWithoutState(LifecycleState current) {
        return current == LifecycleState.HIBERNATING ? LifecycleState.ACTIVE : current;
    }
}
