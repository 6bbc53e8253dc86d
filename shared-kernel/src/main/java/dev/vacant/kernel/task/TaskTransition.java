package dev.vacant.kernel.task;

import java.util.Optional;

/** One cell of the task transition table: {@code next} is empty when the cell is invalid. */
public record TaskTransition(TaskState state, TaskLifecycleEvent event, Optional<TaskState> next) {

    public boolean valid() {
        return next.isPresent();
    }
}
