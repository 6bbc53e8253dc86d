package dev.vacant.kernel.task;

import java.util.EnumSet;
import java.util.Set;

/** The eight states of a task ({@code tasks.md}); three of them are final. */
public enum TaskState {
    QUEUED, BLOCKED, IN_PROGRESS, PENDING_REVIEW, APPROVED, REQUEUED, FAILED, REJECTED;

    private static final Set<TaskState> FINAL = EnumSet.of(APPROVED, FAILED, REJECTED);

    /** Whether no event moves the task any more. */
    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Whether a worker may take the task now. */
    public boolean isTakeable() {
        return this == QUEUED;
    }
}
