package dev.vacant.kernel.composite;

import java.util.List;

/** Payload of ALLOWLIST_CHANGED: the peers added to and removed from the composite's allowlist (sorted). */
public record AllowlistPayload(List<String> added, List<String> removed) {
}
