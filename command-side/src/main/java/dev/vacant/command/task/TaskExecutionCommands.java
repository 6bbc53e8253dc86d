package dev.vacant.command.task;

import dev.vacant.kernel.task.ReviewVerdict;
import java.time.Duration;
import org.axonframework.commandhandling.RoutingKey;

/** The commands a worker of the {@code tasks} lane sends: each touches the task and its assignee in one unit of work. */
public final class TaskExecutionCommands {

    private TaskExecutionCommands() {
    }

    /**
     * A worker takes a QUEUED task for {@code lease}, as one execution of the assignee (CALL_RECEIVED on its chain,
     * so a STALE assignee refuses and the task stays QUEUED). Refused with {@code HALTED} while the loop does not
     * take work (HALT or PAUSE) and {@code INVALID_TRANSITION} when the task is not QUEUED (another worker has it).
     * Answers what the worker runs.
     */
    public record StartTaskCommand(@RoutingKey String taskId, String worker, Duration lease) {
    }

    /**
     * The review of {@code attempt}, recorded once: REVIEW_RECEIVED on the assignee (reviewed by the node) with the
     * verdict in force after the requeue bound, then the task's REVIEWED entry. A redelivered review changes nothing.
     */
    public record ConcludeReviewCommand(@RoutingKey String taskId, int attempt, ReviewVerdict verdict, String reason) {
    }
}
