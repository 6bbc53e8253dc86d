package dev.vacant.kernel.event;

import dev.vacant.kernel.logbook.LogbookEntry;

/** The Task aggregate's events, named in the past tense; see {@link TaskEvent}. */
public final class TaskEvents {

    private TaskEvents() {
    }

    /** The task passed (or failed) the preflight gate (SUBMITTED, seq 0). */
    public record TaskSubmittedEvent(LogbookEntry entry) implements TaskEvent {
    }

    /** Every dependency of the BLOCKED task is APPROVED (UNBLOCKED). */
    public record TaskUnblockedEvent(LogbookEntry entry) implements TaskEvent {
    }

    /** A dependency of the BLOCKED task failed, and so does the task (DEPENDENCY_FAILED). */
    public record TaskDependencyFailedEvent(LogbookEntry entry) implements TaskEvent {
    }

    /** Every subtask of the decomposed parent is APPROVED, and so is the parent (SUBTASKS_APPROVED). */
    public record TaskSubtasksApprovedEvent(LogbookEntry entry) implements TaskEvent {
    }

    /** A worker took the task under a lease (TAKEN). */
    public record TaskTakenEvent(LogbookEntry entry) implements TaskEvent {
    }

    /** The lease lapsed without a result (LEASE_EXPIRED). */
    public record TaskLeaseExpiredEvent(LogbookEntry entry) implements TaskEvent {
    }

    /** The assignee recorded the attempt's result (EXECUTED). */
    public record TaskExecutedEvent(LogbookEntry entry) implements TaskEvent {
    }

    /** The attempt could not complete (EXECUTION_FAILED). */
    public record TaskExecutionFailedEvent(LogbookEntry entry) implements TaskEvent {
    }

    /** The assignee reviewed the attempt's result (REVIEWED). */
    public record TaskReviewedEvent(LogbookEntry entry) implements TaskEvent {
    }

    /** A requeued task went back to the queue (RETRIED). */
    public record TaskRetriedEvent(LogbookEntry entry) implements TaskEvent {
    }

    /** The approved task rewarded its assignee (REWARD_GRANTED). */
    public record RewardGrantedEvent(LogbookEntry entry) implements TaskEvent {
    }
}
