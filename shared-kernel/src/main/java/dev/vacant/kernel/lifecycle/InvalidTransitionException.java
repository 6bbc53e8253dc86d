package dev.vacant.kernel.lifecycle;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.Map;

/** An event that the transition table does not allow in the current state. */
public class InvalidTransitionException extends VacantException {

    public InvalidTransitionException(LifecycleState state, LifecycleEvent event) {
        super(ErrorCode.INVALID_TRANSITION,
                "event " + event + " is not allowed in state " + state,
                Map.of("state", state.name(), "event", event.name()));
    }
}
