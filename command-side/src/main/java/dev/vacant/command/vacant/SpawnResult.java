package dev.vacant.command.vacant;

import dev.vacant.kernel.spawn.SpawnPath;

/** What a spawn answers: the path, the child (its id, start state and head) and the parent's new head. */
public record SpawnResult(SpawnPath path, VacantCommandResult child, VacantCommandResult parent) {
}
