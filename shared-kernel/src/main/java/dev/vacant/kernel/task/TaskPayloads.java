package dev.vacant.kernel.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.task.skill.ToolRoute;
import java.util.List;

/** The signed payloads of a task's chain, one per {@link TaskLogbookKind}; each names the state it led to. */
public final class TaskPayloads {

    private TaskPayloads() {
    }

    /**
     * SUBMITTED (node): the spec, who submitted it, the gate's decision and, when REJECTED, its reason code, else the
     * route tool-first routing chose. A decomposed parent names its {@code subtasks} (and has no route: it runs
     * nothing itself); a subtask names its {@code parent}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Submitted(TaskSpec spec, String submitter, TaskState state, String reason, ToolRoute route,
                            int maxAttempts, String parent, List<String> subtasks) {
    }

    /** UNBLOCKED (node): every dependency is APPROVED. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Unblocked(TaskState state) {
    }

    /** SUBTASKS_APPROVED (node): every subtask of the decomposed parent is APPROVED. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SubtasksApproved(TaskState state) {
    }

    /** DEPENDENCY_FAILED (node): the dependency (of a decomposed parent: the subtask) that FAILED or was REJECTED. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DependencyFailed(String dependency, TaskState state) {
    }

    /** TAKEN (node): the worker, the attempt and the lease's end (RFC 3339). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Taken(String worker, int attempt, String leaseUntil, TaskState state) {
    }

    /** LEASE_EXPIRED (node): the attempt whose lease lapsed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LeaseExpired(int attempt, TaskState state) {
    }

    /** EXECUTED (assignee): what it executed and produced, and what it cost in micro-units. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Executed(int attempt, String output, long costMicros, long promptTokens, long completionTokens,
                           TaskState state) {
    }

    /** EXECUTION_FAILED (node): the attempt could not complete, with its reason code (e.g. BUDGET_EXCEEDED). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ExecutionFailed(int attempt, String reason, long costMicros, TaskState state) {
    }

    /** REVIEWED (assignee): its verdict on the attempt and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reviewed(int attempt, ReviewVerdict verdict, String reason, TaskState state) {
    }

    /** RETRIED (node): the requeued task is queued again as {@code attempt}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Retried(int attempt, TaskState state) {
    }

    /** REWARD_GRANTED (node): the identity rewarded for the approved task and the amount in micro-units. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RewardGranted(String identity, long amountMicros) {
    }
}
