package dev.vacant.command.task;

import dev.vacant.kernel.task.TaskState;

/** What a task command answers: the task, its state and attempt after the command, and its chain's head. */
public record TaskCommandResult(String id, TaskState state, int attempt, long seq, String hash) {
}
