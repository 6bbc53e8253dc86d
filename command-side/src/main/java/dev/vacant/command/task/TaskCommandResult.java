package dev.vacant.command.task;

import dev.vacant.kernel.task.TaskState;
import java.util.List;

/**
 * What a task command answers: the task, its state and attempt after the command, its chain's head, for a
 * REJECTED task the gate's reason code and, for a decomposed parent, its subtasks in order (else empty).
 */
public record TaskCommandResult(String id, TaskState state, int attempt, long seq, String hash, String rejection,
                                List<String> subtasks) {
}
