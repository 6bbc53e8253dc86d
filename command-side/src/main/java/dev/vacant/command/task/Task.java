package dev.vacant.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.task.TaskCommands.ExpireTaskLeaseCommand;
import dev.vacant.command.task.TaskCommands.RecordTaskResultCommand;
import dev.vacant.command.task.TaskCommands.ReviewTaskCommand;
import dev.vacant.command.task.TaskCommands.TakeTaskCommand;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.event.TaskEvent;
import dev.vacant.kernel.event.TaskEvents.RewardGrantedEvent;
import dev.vacant.kernel.event.TaskEvents.TaskDependencyFailedEvent;
import dev.vacant.kernel.event.TaskEvents.TaskExecutedEvent;
import dev.vacant.kernel.event.TaskEvents.TaskExecutionFailedEvent;
import dev.vacant.kernel.event.TaskEvents.TaskLeaseExpiredEvent;
import dev.vacant.kernel.event.TaskEvents.TaskRetriedEvent;
import dev.vacant.kernel.event.TaskEvents.TaskReviewedEvent;
import dev.vacant.kernel.event.TaskEvents.TaskSubmittedEvent;
import dev.vacant.kernel.event.TaskEvents.TaskSubtasksApprovedEvent;
import dev.vacant.kernel.event.TaskEvents.TaskTakenEvent;
import dev.vacant.kernel.event.TaskEvents.TaskUnblockedEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.logbook.LogbookChain;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.LogbookSigner;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.task.RequeueBound;
import dev.vacant.kernel.task.ReviewVerdict;
import dev.vacant.kernel.task.RewardPolicy;
import dev.vacant.kernel.task.TaskLifecycleEvent;
import dev.vacant.kernel.task.TaskLogbookKind;
import dev.vacant.kernel.task.TaskMode;
import dev.vacant.kernel.task.TaskPayloads;
import dev.vacant.kernel.task.TaskSigner;
import dev.vacant.kernel.task.TaskSpec;
import dev.vacant.kernel.task.TaskState;
import dev.vacant.kernel.task.TaskTransitionTable;
import dev.vacant.kernel.task.skill.ToolRoute;
import dev.vacant.kernel.vacant.Payloads;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A task's life as an event-sourced aggregate ({@code tasks.md}). Command handlers check the move against the
 * {@link TaskTransitionTable}, sign the next entry of the task's chain (the node signs its decisions, the assignee
 * what it executed and its review: {@link TaskLogbookKind#signer()}) and apply it; the event-sourcing handler
 * assigns only what the signed payloads record. Results and reviews are idempotent by attempt.
 */
@Aggregate(commandTargetResolver = "commandTargets")
public class Task {

    @AggregateIdentifier
    private String id;
    private LogbookChain chain;
    private TaskSpec spec;
    private TaskState state;
    private String rejection;
    private int attempt;
    private Instant leaseUntil;
    private long costMicros;
    private List<String> subtasks = List.of();
    private ToolRoute route;
    private final Set<Integer> executedAttempts = new HashSet<>();
    private final Set<Integer> reviewedAttempts = new HashSet<>();

    protected Task() {
    }

    /**
     * A submitted task in the state the gate decided: REJECTED with {@code rejection} (a reason code), else
     * BLOCKED when {@code blocked} or decomposed into {@code subtasks} (it waits on them), else QUEUED (see
     * {@link TaskCommandHandlers}). A subtask names its {@code parent} ({@code null} otherwise).
     */
    Task(String taskId, String submitter, TaskSpec spec, String rejection, boolean blocked, String parent,
         List<String> subtasks, TaskContext ctx) {
        boolean decomposed = !subtasks.isEmpty();
        TaskState initial = rejection != null ? TaskState.REJECTED
                : blocked || decomposed ? TaskState.BLOCKED : TaskState.QUEUED;
        ToolRoute route = rejection != null || decomposed ? null
                : spec.mode() == TaskMode.LOCAL ? ToolRoute.LOCAL : ctx.skills().route(spec.prompt());
        TaskPayloads.Submitted payload = new TaskPayloads.Submitted(spec, submitter, initial, rejection, route,
                ctx.requeues().maxAttempts(), parent, decomposed ? subtasks : null);
        LogbookEntry entry = LogbookChain.empty(taskId).append(TaskLogbookKind.SUBMITTED.name(), ctx.now(),
                Payloads.toJson(payload), ctx.nodeKey().node());
        apply(new TaskSubmittedEvent(entry));
    }

    /** The ids this task waits on: its subtasks if it was decomposed, else its dependencies. */
    List<String> dependencies() {
        return subtasks.isEmpty() ? spec.dependsOn() : subtasks;
    }

    /**
     * Moves the BLOCKED task on, everything it waits on being APPROVED: a decomposed parent is APPROVED with its
     * subtasks, any other task is queued.
     */
    TaskCommandResult unblock(TaskContext ctx) {
        if (!subtasks.isEmpty()) {
            TaskState next = TaskTransitionTable.apply(state, TaskLifecycleEvent.SUBTASKS_APPROVED);
            append(TaskLogbookKind.SUBTASKS_APPROVED, new TaskPayloads.SubtasksApproved(next), ctx,
                    TaskSubtasksApprovedEvent::new);
            return result();
        }
        TaskState next = TaskTransitionTable.apply(state, TaskLifecycleEvent.DEPENDENCIES_APPROVED);
        append(TaskLogbookKind.UNBLOCKED, new TaskPayloads.Unblocked(next), ctx, TaskUnblockedEvent::new);
        return result();
    }

    /** Fails the BLOCKED task: {@code dependency} (or, of a decomposed parent, that subtask) failed. */
    TaskCommandResult failDependency(String dependency, TaskContext ctx) {
        TaskState next = TaskTransitionTable.apply(state, TaskLifecycleEvent.DEPENDENCY_FAILED);
        append(TaskLogbookKind.DEPENDENCY_FAILED, new TaskPayloads.DependencyFailed(dependency, next), ctx,
                TaskDependencyFailedEvent::new);
        return result();
    }

    @CommandHandler
    public TaskCommandResult handle(TakeTaskCommand command, TaskContext ctx) {
        TaskState next = TaskTransitionTable.apply(state, TaskLifecycleEvent.TAKEN);
        String until = Timestamps.format(ctx.now().plus(command.lease()));
        append(TaskLogbookKind.TAKEN, new TaskPayloads.Taken(command.worker(), attempt, until, next), ctx,
                TaskTakenEvent::new);
        return result();
    }

    @CommandHandler
    public TaskCommandResult handle(ExpireTaskLeaseCommand command, TaskContext ctx) {
        if (state != TaskState.IN_PROGRESS || command.attempt() != attempt || ctx.now().isBefore(leaseUntil)) {
            return result();
        }
        TaskState next = TaskTransitionTable.apply(state, TaskLifecycleEvent.LEASE_EXPIRED);
        append(TaskLogbookKind.LEASE_EXPIRED, new TaskPayloads.LeaseExpired(attempt, next), ctx,
                TaskLeaseExpiredEvent::new);
        return result();
    }

    @CommandHandler
    public TaskCommandResult handle(RecordTaskResultCommand command, TaskContext ctx) {
        if (executedAttempts.contains(command.attempt())) {
            return result();
        }
        requireCurrent(command.attempt());
        if (!spec.withinBudget(Math.addExact(costMicros, command.costMicros()))) {
            TaskState next = TaskTransitionTable.apply(state, TaskLifecycleEvent.EXECUTION_FAILED);
            append(TaskLogbookKind.EXECUTION_FAILED, new TaskPayloads.ExecutionFailed(attempt,
                    ErrorCode.BUDGET_EXCEEDED.name(), command.costMicros(), next), ctx, TaskExecutionFailedEvent::new);
            return result();
        }
        TaskState next = TaskTransitionTable.apply(state, TaskLifecycleEvent.EXECUTED);
        append(TaskLogbookKind.EXECUTED, new TaskPayloads.Executed(attempt, command.output(), command.costMicros(),
                command.promptTokens(), command.completionTokens(), next), ctx, TaskExecutedEvent::new);
        return result();
    }

    /**
     * Records the assignee's verdict ({@link RequeueBound} turns a requeue of the last attempt into FAILED); a
     * requeue is queued again as the next attempt, an approval rewards the assignee.
     */
    @CommandHandler
    public TaskCommandResult handle(ReviewTaskCommand command, TaskContext ctx) {
        if (reviewedAttempts.contains(command.attempt())) {
            return result();
        }
        requireCurrent(command.attempt());
        ReviewVerdict verdict = ctx.requeues().verdict(command.verdict(), attempt);
        String reason = verdict == command.verdict() ? command.reason() : RequeueBound.ATTEMPTS_SPENT;
        TaskState next = TaskTransitionTable.apply(state, verdict.event());
        append(TaskLogbookKind.REVIEWED, new TaskPayloads.Reviewed(attempt, verdict, reason, next), ctx,
                TaskReviewedEvent::new);
        if (next == TaskState.REQUEUED) {
            append(TaskLogbookKind.RETRIED, new TaskPayloads.Retried(attempt + 1,
                    TaskTransitionTable.apply(next, TaskLifecycleEvent.RETRIED)), ctx, TaskRetriedEvent::new);
        } else if (next == TaskState.APPROVED) {
            RewardPolicy.reward(spec, costMicros).ifPresent(amount -> append(TaskLogbookKind.REWARD_GRANTED,
                    new TaskPayloads.RewardGranted(spec.assignee(), amount), ctx, RewardGrantedEvent::new));
        }
        return result();
    }

    private void requireCurrent(int commandAttempt) {
        if (commandAttempt != attempt) {
            throw new VacantException(ErrorCode.CONFLICT,
                    "attempt " + commandAttempt + " is not the task's current attempt " + attempt,
                    Map.of("attempt", attempt));
        }
    }

    private void append(TaskLogbookKind kind, Object payload, TaskContext ctx, Function<LogbookEntry, TaskEvent> event) {
        ObjectNode json = Payloads.toJson(payload);
        apply(event.apply(chain.append(kind.name(), ctx.now(), json, signer(kind, ctx))));
    }

    private LogbookSigner signer(TaskLogbookKind kind, TaskContext ctx) {
        return kind.signer() == TaskSigner.ASSIGNEE && spec.assignee() != null
                ? ctx.custody().signer(VacantId.parse(spec.assignee()))
                : ctx.nodeKey().node();
    }

    /** What a worker that took this task runs: its current attempt, spec, route and the cost spent so far. */
    TaskAssignment assignment() {
        return new TaskAssignment(id, attempt, spec, route, costMicros);
    }

    /** Whether the review of {@code reviewAttempt} is recorded. */
    boolean reviewed(int reviewAttempt) {
        return reviewedAttempts.contains(reviewAttempt);
    }

    /** The state in force. */
    TaskState state() {
        return state;
    }

    TaskCommandResult result() {
        return new TaskCommandResult(id, state, attempt, chain.nextSeq() - 1, chain.headHash(), rejection, subtasks);
    }

    @EventSourcingHandler
    void on(TaskEvent event) {
        LogbookEntry entry = event.entry();
        chain = (chain == null ? LogbookChain.empty(event.taskId()) : chain).after(entry);
        var payload = entry.body().payload();
        if (event instanceof TaskSubmittedEvent) {
            id = event.taskId();
            TaskPayloads.Submitted submitted = Payloads.read(payload, TaskPayloads.Submitted.class);
            spec = submitted.spec();
            rejection = submitted.reason();
            subtasks = submitted.subtasks() == null ? List.of() : submitted.subtasks();
            route = submitted.route();
            attempt = 1;
        } else if (event instanceof TaskTakenEvent) {
            leaseUntil = Timestamps.parse(payload.get("lease_until").asText());
        } else if (event instanceof TaskExecutedEvent) {
            executedAttempts.add(attempt);
            costMicros += payload.get("cost_micros").asLong();
        } else if (event instanceof TaskExecutionFailedEvent) {
            executedAttempts.add(attempt);
        } else if (event instanceof TaskReviewedEvent) {
            reviewedAttempts.add(attempt);
        } else if (event instanceof TaskRetriedEvent) {
            attempt = payload.get("attempt").asInt();
        }
        if (event.recordedState() != null) {
            state = event.recordedState();
        }
    }
}
