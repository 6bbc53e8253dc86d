package dev.vacant.kernel.event;

import dev.vacant.kernel.task.TaskLogbookKind;
import dev.vacant.kernel.task.TaskState;

/** Marker of the Task aggregate's events: each carries one signed entry of the task's chain holding all its data. */
public sealed interface TaskEvent extends SignedEvent permits TaskEvents.TaskSubmittedEvent, TaskEvents.TaskUnblockedEvent,
        TaskEvents.TaskDependencyFailedEvent, TaskEvents.TaskSubtasksApprovedEvent, TaskEvents.TaskTakenEvent,
        TaskEvents.TaskLeaseExpiredEvent, TaskEvents.TaskExecutedEvent, TaskEvents.TaskExecutionFailedEvent, TaskEvents.TaskReviewedEvent,
        TaskEvents.TaskRetriedEvent, TaskEvents.RewardGrantedEvent {


    /** The id of the task whose chain the entry belongs to. */
    default String taskId() {
        return entry().body().vacant();
    }

    /** The entry's kind. */
    default TaskLogbookKind kind() {
        return TaskLogbookKind.valueOf(entry().kind());
    }

    /** The state the entry led to, as its payload records it ({@code null} for REWARD_GRANTED). */
    default TaskState recordedState() {
        var state = entry().body().payload().get("state");
        return state == null || !state.isTextual() ? null : TaskState.valueOf(state.asText());
    }
}
