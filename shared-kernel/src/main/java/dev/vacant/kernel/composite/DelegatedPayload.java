package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of the parent's DELEGATED entry: the delegation, the child, the subtask's digest, and the plan it belongs
 * to (its id, the index in plan order, whether the plan runs in parallel, and its {@link DelegationAggregate} label
 * unless it is the default {@code list}, so entries of list plans keep their original bytes).
 */
public record DelegatedPayload(@JsonProperty("delegation_id") String delegationId, String child,
                               @JsonProperty("subtask_digest") String subtaskDigest,
                               @JsonProperty("plan_id") String planId, @JsonProperty("plan_index") int planIndex,
                               boolean parallel,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String aggregate) {
}
