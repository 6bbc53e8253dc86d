package dev.vacant.command.task;

import dev.vacant.kernel.task.TaskState;

/**
 * What a task command answers: the task, its state and attempt after the command, its chain's head and, for a
 * REJECTED task, the gate's reason code.
 */
public record TaskCommandResult(String id, TaskState state, int attempt, long seq, String hash, String rejection) {
}
