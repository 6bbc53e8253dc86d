package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Payload of OUTBOUND_ALLOWED and OUTBOUND_DENIED: the callee, the caller's Tree-Only row and, when denied, the code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboundPayload(String callee, OutboundRule rule, String code) {
}
