package dev.vacant.query.task;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.task.TaskState;
import java.util.List;

/**
 * A task as the read model holds it: money in micro-units; {@code reason} is the gate's or the review's; the
 * tool-first route chosen at submission; the {@code parent} of a subtask and the {@code subtasks} (in order) of a
 * decomposed task.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskRow(String id, TaskState state, int attempt, String submitter, String assignee, String mode,
                      String model, long minBudgetMicros, long maxBudgetMicros, long costMicros, String reason,
                      String output, String toolRoute, String toolName, Integer toolConfidenceMilli, long seq,
                      String parent, List<String> subtasks) {
}
