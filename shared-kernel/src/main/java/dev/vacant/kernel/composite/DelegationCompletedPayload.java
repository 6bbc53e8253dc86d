package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of DELEGATION_COMPLETED (both chains): the delegation, both parties, and the result with its digest. */
public record DelegationCompletedPayload(@JsonProperty("delegation_id") String delegationId, String parent,
                                         String child, @JsonProperty("result_digest") String resultDigest,
                                         String result) {
}
