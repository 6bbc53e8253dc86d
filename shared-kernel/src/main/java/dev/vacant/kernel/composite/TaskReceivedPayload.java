package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of the child's TASK_RECEIVED entry: the delegation, the delegating parent and the subtask's digest. */
public record TaskReceivedPayload(@JsonProperty("delegation_id") String delegationId, String parent,
                                  @JsonProperty("subtask_digest") String subtaskDigest) {
}
