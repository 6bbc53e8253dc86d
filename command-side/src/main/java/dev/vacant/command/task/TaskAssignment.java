package dev.vacant.command.task;

import dev.vacant.kernel.task.TaskSpec;
import dev.vacant.kernel.task.skill.ToolRoute;

/**
 * What a worker runs once it has taken a task, read from the task's own chain.
 *
 * @param taskId     the task
 * @param attempt    the attempt it took (results and reviews name it)
 * @param spec       what was submitted
 * @param route      the route tool-first routing recorded ({@code tool}, {@code llm} or {@code local})
 * @param costMicros what the earlier attempts already spent, in micro-units
 */
public record TaskAssignment(String taskId, int attempt, TaskSpec spec, ToolRoute route, long costMicros) {

    /** What is left of {@code max_budget} for this attempt, in micro-units. */
    public long remainingBudgetMicros() {
        return Math.max(0, spec.maxBudgetMicros() - costMicros);
    }
}
