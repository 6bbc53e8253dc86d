package dev.vacant.kernel.vacant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.spawn.SpawnPath;

/**
 * Payload of GENESIS (no parent, no path) and BIRTH entries: start state, controller, bundle and substrate
 * digests, registry visibility, and for spawned children the parent, path, D4 secondary parent and D3
 * capability text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BirthPayload(LifecycleState state,
                           String controller,
                           @JsonProperty("bundle_digest") String bundleDigest,
                           @JsonProperty("substrate_digest") String substrateDigest,
                           @JsonProperty("registry_visibility") RegistryVisibility registryVisibility,
                           String parent,
                           SpawnPath path,
                           @JsonProperty("secondary_parent") String secondaryParent,
                           @JsonProperty("capability_text") String capabilityText) {
}
