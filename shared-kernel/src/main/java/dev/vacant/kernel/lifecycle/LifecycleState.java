package dev.vacant.kernel.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** The six lifecycle states of a vacant, with the predicates of {@code lifecycle.md}. */
public enum LifecycleState {
    LOCAL, ACTIVE, HIBERNATING, STALE, SUNK, ARCHIVED;

    private static final Set<LifecycleState> REVIEWERS = EnumSet.of(LOCAL, ACTIVE, HIBERNATING);
    private static final Set<LifecycleState> RUNNABLE = EnumSet.of(LOCAL, ACTIVE);
    private static final Set<LifecycleState> CALLABLE = EnumSet.of(LOCAL, ACTIVE, HIBERNATING);

    /** May this vacant emit reviews of others. */
    public boolean canReview() {
        return REVIEWERS.contains(this);
    }

    /** Should the runtime serve traffic for this vacant. */
    public boolean isRunnable() {
        return RUNNABLE.contains(this);
    }

    /** May this vacant be called (a call wakes a hibernating one). */
    public boolean canBeCalled() {
        return CALLABLE.contains(this);
    }

    /** Does this vacant need an explicit revive before it may be called. */
    public boolean requiresRevive() {
        return this == STALE;
    }
}
