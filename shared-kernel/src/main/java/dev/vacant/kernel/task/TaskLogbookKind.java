package dev.vacant.kernel.task;

import java.util.Optional;

/**
 * The kinds of entries on a task's chain, each with the lifecycle event it drives (if any) and who signs it.
 * Every payload records the state the entry led to ({@code state}), so replay never re-decides.
 */
public enum TaskLogbookKind {
    SUBMITTED(null, TaskSigner.NODE),
    UNBLOCKED(TaskLifecycleEvent.DEPENDENCIES_APPROVED, TaskSigner.NODE),
    DEPENDENCY_FAILED(TaskLifecycleEvent.DEPENDENCY_FAILED, TaskSigner.NODE),
    SUBTASKS_APPROVED(TaskLifecycleEvent.SUBTASKS_APPROVED, TaskSigner.NODE),
    TAKEN(TaskLifecycleEvent.TAKEN, TaskSigner.NODE),
    LEASE_EXPIRED(TaskLifecycleEvent.LEASE_EXPIRED, TaskSigner.NODE),
    EXECUTED(TaskLifecycleEvent.EXECUTED, TaskSigner.ASSIGNEE),
    EXECUTION_FAILED(TaskLifecycleEvent.EXECUTION_FAILED, TaskSigner.NODE),
    REVIEWED(null, TaskSigner.ASSIGNEE),
    RETRIED(TaskLifecycleEvent.RETRIED, TaskSigner.NODE),
    REWARD_GRANTED(null, TaskSigner.NODE);

    private final TaskLifecycleEvent event;
    private final TaskSigner signer;

    TaskLogbookKind(TaskLifecycleEvent event, TaskSigner signer) {
        this.event = event;
        this.signer = signer;
    }

    /** The lifecycle event this kind drives; REVIEWED drives the one of its verdict, SUBMITTED creates the task. */
    public Optional<TaskLifecycleEvent> event() {
        return Optional.ofNullable(event);
    }

    /** Who signs entries of this kind. */
    public TaskSigner signer() {
        return signer;
    }
}
