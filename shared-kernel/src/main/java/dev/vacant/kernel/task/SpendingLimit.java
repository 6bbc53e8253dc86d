package dev.vacant.kernel.task;

import dev.vacant.kernel.error.ErrorCode;
import java.util.Optional;

/**
 * The per-controller spending limit: a controller may hold at most {@code limitMicros} of {@code max_budget} in
 * tasks not yet failed or rejected; a submission that would go over is refused with {@code BUDGET_EXCEEDED}, so
 * no controller spends the server's provider key without a bound. A limit of 0 means unlimited.
 */
public record SpendingLimit(long limitMicros) {

    public SpendingLimit {
        if (limitMicros < 0) {
            throw new IllegalArgumentException("the spending limit is non-negative micro-units");
        }
    }

    /** The refusal of a new task of {@code maxBudgetMicros} when {@code committedMicros} are already committed. */
    public Optional<ErrorCode> refusal(long committedMicros, long maxBudgetMicros) {
        boolean over = limitMicros > 0 && Math.addExact(committedMicros, maxBudgetMicros) > limitMicros;
        return over ? Optional.of(ErrorCode.BUDGET_EXCEEDED) : Optional.empty();
    }
}
