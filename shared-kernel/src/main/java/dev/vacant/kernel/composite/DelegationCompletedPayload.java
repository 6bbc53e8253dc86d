package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of DELEGATION_COMPLETED (both chains): the delegation, both parties, and the result with its digest; or, for
 * a delegation that failed (the child's runner answered an error, or no answer came back in time), no result and the
 * {@code error} code ({@code DELEGATION_TIMEOUT} or the runner's), omitted on successes so their entries keep their
 * bytes.
 */
public record DelegationCompletedPayload(@JsonProperty("delegation_id") String delegationId, String parent,
                                         String child,
                                         @JsonInclude(JsonInclude.Include.NON_NULL)
                                         @JsonProperty("result_digest") String resultDigest,
                                         @JsonInclude(JsonInclude.Include.NON_NULL) String result,
                                         @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

    /** A successful completion. */
    public DelegationCompletedPayload(String delegationId, String parent, String child, String resultDigest,
                                      String result) {
        this(delegationId, parent, child, resultDigest, result, null);
    }
}
