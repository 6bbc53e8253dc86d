package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vacant.kernel.lifecycle.LifecycleState;

/**
 * Payload of GRADUATED (both chains): parent, child, capability text, the new v2 manifest and the collusion
 * signals the gate decided on. The child's entry also names its new {@code state} (ACTIVE) and carries its signed
 * capability card; the parent's entry names no state, so the parent's state never changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GraduatedPayload(String parent, String child, LifecycleState state,
                               @JsonProperty("capability_text") String capabilityText, ChildManifest manifest,
                               CollusionSignals signals, CapabilityCard card) {
}
