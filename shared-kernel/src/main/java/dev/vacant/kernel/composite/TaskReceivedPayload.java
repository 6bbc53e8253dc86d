package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vacant.kernel.lifecycle.LifecycleState;

/**
 * Payload of the child's TASK_RECEIVED entry: the delegation, the delegating parent, the subtask's digest and the
 * state the task (a call) led the child to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskReceivedPayload(@JsonProperty("delegation_id") String delegationId, String parent,
                                  @JsonProperty("subtask_digest") String subtaskDigest, LifecycleState to) {

    /** A task as the parent sends it; the receiving child records the state it leads to ({@link #leadingTo}). */
    public TaskReceivedPayload(String delegationId, String parent, String subtaskDigest) {
        this(delegationId, parent, subtaskDigest, null);
    }

    /** This task, recording that it led the child to {@code state}. */
    public TaskReceivedPayload leadingTo(LifecycleState state) {
        return new TaskReceivedPayload(delegationId, parent, subtaskDigest, state);
    }
}
