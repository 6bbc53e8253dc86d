package dev.vacant.command.composite;

import dev.vacant.kernel.lifecycle.LifecycleEvent;

/**
 * The composite's commands, with the cells of the vacant transition table each is checked against
 * ({@link dev.vacant.kernel.lifecycle.TransitionTable}): the parent's and the child's (null: that side's state does
 * not matter). An act of the composite itself (register, delegate, graduate) is the parent acting like a
 * {@code SPAWN_REQUESTED} (valid only LOCAL or ACTIVE); a child taking a subtask is a {@code CALL_RECEIVED} (a STALE
 * child refuses, a HIBERNATING one wakes); a result landing on either chain is taken like a {@code REVIEW_RECEIVED}
 * (anything but SUNK and ARCHIVED); signing a manifest is the child's {@code HEARTBEAT} cell (anything but ARCHIVED);
 * a child calling out, or graduating, must be able to act ({@code SPAWN_REQUESTED}).
 */
public enum CompositeAct {
    REGISTER_CHILD(LifecycleEvent.SPAWN_REQUESTED, LifecycleEvent.HEARTBEAT),
    DELEGATE(LifecycleEvent.SPAWN_REQUESTED, LifecycleEvent.CALL_RECEIVED),
    COMPLETE(LifecycleEvent.REVIEW_RECEIVED, LifecycleEvent.REVIEW_RECEIVED),
    OUTBOUND_CHECK(null, LifecycleEvent.SPAWN_REQUESTED),
    GRADUATE(LifecycleEvent.SPAWN_REQUESTED, LifecycleEvent.SPAWN_REQUESTED);

    private final LifecycleEvent parentCell;
    private final LifecycleEvent childCell;

    CompositeAct(LifecycleEvent parentCell, LifecycleEvent childCell) {
        this.parentCell = parentCell;
        this.childCell = childCell;
    }

    /** The parent's cell of the transition table, or null. */
    public LifecycleEvent parentCell() {
        return parentCell;
    }

    /** The child's cell of the transition table. */
    public LifecycleEvent childCell() {
        return childCell;
    }
}
