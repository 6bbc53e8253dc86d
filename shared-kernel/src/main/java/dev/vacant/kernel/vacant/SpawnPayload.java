package dev.vacant.kernel.vacant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vacant.kernel.spawn.SpawnPath;

/**
 * Payload of a parent's SPAWN entry: the child, the path, for D4 the secondary parent, and the idempotency key the
 * spawn was asked under, if any (a parent spawns at most one child per key).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpawnPayload(String child, SpawnPath path, @JsonProperty("secondary_parent") String secondaryParent,
                           @JsonProperty("spawn_key") String spawnKey) {
}
