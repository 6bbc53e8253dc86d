package dev.vacant.kernel.task;

/**
 * The events that move a task through {@link TaskTransitionTable}. A task is created by its submission in the
 * state the preflight gate and its dependencies decide (QUEUED, BLOCKED or REJECTED); these events move it on.
 */
public enum TaskLifecycleEvent {
    /** Every dependency is APPROVED. */
    DEPENDENCIES_APPROVED,
    /** A dependency FAILED or was REJECTED. */
    DEPENDENCY_FAILED,
    /** Every subtask of a decomposed parent is APPROVED. */
    SUBTASKS_APPROVED,
    /** A worker took the task under a lease. */
    TAKEN,
    /** The worker's lease lapsed (or its assignee refused the call) before a result: the task is queued again. */
    LEASE_EXPIRED,
    /** The assignee recorded its result. */
    EXECUTED,
    /** The execution could not be made (budget exceeded, provider rejected it). */
    EXECUTION_FAILED,
    /** The review approved the result. */
    REVIEW_APPROVED,
    /** The review asked for another attempt. */
    REVIEW_REQUEUED,
    /** The review failed the result (or the attempts are spent). */
    REVIEW_FAILED,
    /** A requeued task goes back to the queue with its attempt incremented. */
    RETRIED
}
