package dev.vacant.kernel.vacant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vacant.kernel.lifecycle.LifecycleState;

/** Payload of CALL_RECEIVED: the calling vacant or principal, when known, and the state the call led to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallPayload(String caller, LifecycleState to) {
}
