package dev.vacant.command.vacant;

import dev.vacant.kernel.lifecycle.LifecycleState;

/** What a vacant command answers: the vacant, its state after the command and its logbook head. */
public record VacantCommandResult(String id, LifecycleState state, long seq, String hash) {
}
