package dev.vacant.kernel.task;

import java.util.OptionalLong;

/**
 * Who earns what when a task is APPROVED ({@code tasks.md}, step 7): the assignee, when there is one and the
 * cost stayed within {@code max_budget}, earns the task's {@code min_budget} (the least its submitter committed
 * to pay), in micro-units. A task run by the node alone rewards nobody.
 */
public final class RewardPolicy {

    private RewardPolicy() {
    }

    /** The reward of an approved task, or empty when none is due. */
    public static OptionalLong reward(TaskSpec spec, long costMicros) {
        if (spec.assignee() == null || !spec.withinBudget(costMicros)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(spec.minBudgetMicros());
    }
}
