package dev.vacant.command.task;

import dev.vacant.kernel.task.ReviewVerdict;
import dev.vacant.kernel.task.TaskSpec;
import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a task's life. */
public final class TaskCommands {

    private TaskCommands() {
    }

    /**
     * Records a submitted task with the preflight gate's decision: REJECTED with {@code rejection} (a reason
     * code) when the gate refused it, else BLOCKED while {@code blocked} (dependencies not all APPROVED), else QUEUED.
     */
    public record SubmitTaskCommand(@TargetAggregateIdentifier String taskId, TaskSpec spec, String rejection,
                                    boolean blocked) {
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
