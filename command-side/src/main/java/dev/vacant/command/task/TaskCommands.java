package dev.vacant.command.task;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.task.ReviewVerdict;
import dev.vacant.kernel.task.TaskSpec;
import java.time.Duration;
import org.axonframework.commandhandling.RoutingKey;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a task's life. */
public final class TaskCommands {

    private TaskCommands() {
    }

    /**
     * Submits a task (controller or operator): the preflight gate decides, under the task loop's control mode,
     * whether it is REJECTED (with the reason code), BLOCKED (dependencies not all APPROVED) or QUEUED.
     */
    public record SubmitTaskCommand(@RoutingKey String taskId, Actor actor, TaskSpec spec) {
    }

    /**
     * Re-checks a BLOCKED task's dependencies: all APPROVED queues it, a FAILED or REJECTED one fails it, otherwise
     * (or when the task is not BLOCKED) nothing changes.
     */
    public record ResolveDependenciesCommand(@RoutingKey String taskId) {
    }

    /** A worker takes a QUEUED task for {@code lease}. */
    public record TakeTaskCommand(@TargetAggregateIdentifier String taskId, String worker, Duration lease) {
    }

    /** Queues {@code attempt} again if its lease has lapsed without a result; otherwise changes nothing. */
    public record ExpireTaskLeaseCommand(@TargetAggregateIdentifier String taskId, int attempt) {
    }

    /** Records the result of {@code attempt}, once: a redelivered result for the same attempt changes nothing. */
    public record RecordTaskResultCommand(@TargetAggregateIdentifier String taskId, int attempt, String output,
                                          long costMicros, long promptTokens, long completionTokens) {
    }

    /** Records the review of {@code attempt}, once. */
    public record ReviewTaskCommand(@TargetAggregateIdentifier String taskId, int attempt, ReviewVerdict verdict,
                                    String reason) {
    }
}
