package dev.vacant.kernel.vacant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Payload of CALL_RECEIVED: the calling vacant or principal, when known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallPayload(String caller) {
}
