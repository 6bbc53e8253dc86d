package dev.vacant.kernel.task;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.Map;

/** An event that the task transition table does not allow in the task's current state. */
public class InvalidTaskTransitionException extends VacantException {

    public InvalidTaskTransitionException(TaskState state, TaskLifecycleEvent event) {
        super(ErrorCode.INVALID_TRANSITION,
                "task event " + event + " is not allowed in state " + state,
                Map.of("state", state.name(), "event", event.name()));
    }
}
