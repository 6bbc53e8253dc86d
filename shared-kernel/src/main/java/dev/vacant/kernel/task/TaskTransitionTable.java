package dev.vacant.kernel.task;

import static dev.vacant.kernel.task.TaskLifecycleEvent.DEPENDENCIES_APPROVED;
import static dev.vacant.kernel.task.TaskLifecycleEvent.DEPENDENCY_FAILED;
import static dev.vacant.kernel.task.TaskLifecycleEvent.EXECUTED;
import static dev.vacant.kernel.task.TaskLifecycleEvent.EXECUTION_FAILED;
import static dev.vacant.kernel.task.TaskLifecycleEvent.LEASE_EXPIRED;
import static dev.vacant.kernel.task.TaskLifecycleEvent.RETRIED;
import static dev.vacant.kernel.task.TaskLifecycleEvent.REVIEW_APPROVED;
import static dev.vacant.kernel.task.TaskLifecycleEvent.REVIEW_FAILED;
import static dev.vacant.kernel.task.TaskLifecycleEvent.REVIEW_REQUEUED;
import static dev.vacant.kernel.task.TaskLifecycleEvent.SUBTASKS_APPROVED;
import static dev.vacant.kernel.task.TaskLifecycleEvent.TAKEN;
import static dev.vacant.kernel.task.TaskState.APPROVED;
import static dev.vacant.kernel.task.TaskState.BLOCKED;
import static dev.vacant.kernel.task.TaskState.FAILED;
import static dev.vacant.kernel.task.TaskState.IN_PROGRESS;
import static dev.vacant.kernel.task.TaskState.PENDING_REVIEW;
import static dev.vacant.kernel.task.TaskState.QUEUED;
import static dev.vacant.kernel.task.TaskState.REQUEUED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task transition table as data: the 11 valid {@code (state, event) -> next} cells of {@code docs/tasks.md}.
 * Every absent cell is invalid ({@code INVALID_TRANSITION}); APPROVED, FAILED and REJECTED accept no event.
 */
public final class TaskTransitionTable {

    private static final Map<TaskState, Map<TaskLifecycleEvent, TaskState>> VALID = new EnumMap<>(TaskState.class);

    static {
        valid(BLOCKED, DEPENDENCIES_APPROVED, QUEUED);
        valid(BLOCKED, DEPENDENCY_FAILED, FAILED);
        valid(BLOCKED, SUBTASKS_APPROVED, APPROVED);
        valid(QUEUED, TAKEN, IN_PROGRESS);
        valid(IN_PROGRESS, LEASE_EXPIRED, QUEUED);
        valid(IN_PROGRESS, EXECUTED, PENDING_REVIEW);
        valid(IN_PROGRESS, EXECUTION_FAILED, FAILED);
        valid(PENDING_REVIEW, REVIEW_APPROVED, APPROVED);
        valid(PENDING_REVIEW, REVIEW_REQUEUED, REQUEUED);
        valid(PENDING_REVIEW, REVIEW_FAILED, FAILED);
        valid(REQUEUED, RETRIED, QUEUED);
    }

    private TaskTransitionTable() {
    }

    private static void valid(TaskState from, TaskLifecycleEvent event, TaskState to) {
        VALID.computeIfAbsent(from, s -> new EnumMap<>(TaskLifecycleEvent.class)).put(event, to);
    }

    /** The next state, or empty when the cell is invalid. */
    public static Optional<TaskState> next(TaskState state, TaskLifecycleEvent event) {
        return Optional.ofNullable(VALID.getOrDefault(state, Map.of()).get(event));
    }

    /** The next state, or {@link InvalidTaskTransitionException} naming state and event. */
    public static TaskState apply(TaskState state, TaskLifecycleEvent event) {
        return next(state, event).orElseThrow(() -> new InvalidTaskTransitionException(state, event));
    }

    /** All 88 cells, valid and invalid, in state then event declaration order. */
    public static List<TaskTransition> cells() {
        List<TaskTransition> cells = new ArrayList<>();
        for (TaskState state : TaskState.values()) {
            for (TaskLifecycleEvent event : TaskLifecycleEvent.values()) {
                cells.add(new TaskTransition(state, event, next(state, event)));
            }
        }
        return Collections.unmodifiableList(cells);
    }
}
