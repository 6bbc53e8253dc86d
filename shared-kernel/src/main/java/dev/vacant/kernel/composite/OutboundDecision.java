package dev.vacant.kernel.composite;

import dev.vacant.kernel.error.ErrorCode;

/** The Tree-Only verdict on one outbound call: the caller's row, and {@code TREE_ONLY_VIOLATION} when denied. */
public record OutboundDecision(boolean allowed, OutboundRule rule, ErrorCode code) {

    static OutboundDecision of(OutboundRule rule, boolean allowed) {
        return new OutboundDecision(allowed, rule, allowed ? null : ErrorCode.TREE_ONLY_VIOLATION);
    }
}
