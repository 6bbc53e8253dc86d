package dev.vacant.kernel.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What was submitted ({@code tasks.md}): money in integer micro-units of the currency. Shape checks only; the
 * preflight gate decides whether the task may run.
 *
 * @param command   the argument vector of a {@code local} task (no shell), empty otherwise
 * @param dependsOn ids of the tasks that must be APPROVED first
 * @param assignee  the vacant that executes and reviews, or {@code null} for the node
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskSpec(String prompt, TaskMode mode, List<String> command, String model, long minBudgetMicros,
                       long maxBudgetMicros, Intensity intensity, List<String> dependsOn, boolean parallelSafe,
                       boolean decompose, Integer maxSubtasks, String assignee) {

    public TaskSpec {
        if (prompt == null || mode == null || intensity == null) {
            throw new IllegalArgumentException("prompt, mode and intensity are required");
        }
        if (minBudgetMicros < 0 || maxBudgetMicros < 0) {
            throw new IllegalArgumentException("budgets are non-negative micro-units");
        }
        command = command == null ? List.of() : List.copyOf(command);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** Whether spending {@code costMicros} stays within {@code max_budget} (else {@code BUDGET_EXCEEDED}). */
    public boolean withinBudget(long costMicros) {
        return costMicros <= maxBudgetMicros;
    }
}
