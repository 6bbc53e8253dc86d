package dev.vacant.kernel.vacant;

import dev.vacant.kernel.lifecycle.LifecycleState;

/** Payload of DORMANCY_ELAPSED, REVIVED and ARCHIVED: the state left and the state entered. */
public record TransitionPayload(LifecycleState from, LifecycleState to) {
}
