package dev.vacant.infra.task.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.task.TaskAssignment;
import dev.vacant.command.task.TaskCommandResult;
import dev.vacant.command.task.TaskCommands.RecordTaskResultCommand;
import dev.vacant.command.task.TaskExecutionCommands.ConcludeReviewCommand;
import dev.vacant.command.task.TaskExecutionCommands.StartTaskCommand;
import dev.vacant.command.tuple.lane.LocalExecutor;
import dev.vacant.infra.web.vacant.CommandSender;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.task.QualityGate;
import dev.vacant.kernel.task.TaskState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * The worker of the tasks lane: the local executor of yool {@value TaskTuples#YOOL}, so it runs on the lane's
 * threads, at most the lane's adaptive concurrency at a time. For a task tuple it takes the task for the lease
 * ({@link StartTaskCommand}: CALL_RECEIVED on the assignee, TAKEN), runs it ({@link TaskExecution}), records the
 * result of that attempt and, when the task is then PENDING_REVIEW, its review ({@link ConcludeReviewCommand}).
 * <p>
 * At least once, with effects exactly once: a tuple whose task is not QUEUED (another worker has it, or it is over),
 * a task the loop does not take now (HALT, PAUSE) and an assignee that refuses the call (STALE) are declined, writing
 * nothing; a worker that dies after the take leaves the task to its lease, which lapses and queues it again; results
 * and reviews are recorded once per attempt, so a redelivered tuple or a retried command changes nothing. Answers
 * {@code {task_id, outcome: declined | ran, state?, attempt?, code?}}, which the lane runner writes to the results
 * lane. Metrics: {@value #RUNS}{@code {outcome}} (declined, or the task's state after the run) and
 * {@value #EXECUTION}{@code {route}} (the execution alone, without the commands).
 */
public final class TaskWorker implements LocalExecutor {

    /** Counter of the tuples the worker ran, by outcome. */
    static final String RUNS = "vacant.tasks.runs";
    /** Timer of the executions, by route. */
    static final String EXECUTION = "vacant.tasks.execution";

    private final CommandSender commands;
    private final TaskExecution execution;
    private final TaskReviewer reviewer;
    private final String worker;
    private final Duration lease;
    private final MeterRegistry meters;

    TaskWorker(CommandSender commands, TaskExecution execution, TaskReviewer reviewer, String worker, Duration lease,
               MeterRegistry meters) {
        this.commands = commands;
        this.execution = execution;
        this.reviewer = reviewer;
        this.worker = worker;
        this.lease = lease;
        this.meters = meters;
    }

    @Override
    public JsonNode run(JsonNode data) {
        String taskId = data.path("task_id").asText();
        TaskAssignment task;
        try {
            task = commands.send(new StartTaskCommand(taskId, worker, lease));
        } catch (VacantException declined) {
            meters.counter(RUNS, "outcome", "declined").increment();
            return Json.object().put("task_id", taskId).put("outcome", "declined").put("code", declined.code().name());
        }
        TaskOutput output = Timer.builder(EXECUTION).tag("route", TaskExecution.routeOf(task)).register(meters)
                .record(() -> execution.run(task));
        TaskCommandResult result = commands.send(new RecordTaskResultCommand(taskId, task.attempt(), output.output(),
                output.costMicros(), output.promptTokens(), output.completionTokens()));
        if (result.state() == TaskState.PENDING_REVIEW) {
            QualityGate.Verdict verdict = reviewer.review(task, output);
            result = commands.send(new ConcludeReviewCommand(taskId, task.attempt(), verdict.verdict(),
                    verdict.reason()));
        }
        meters.counter(RUNS, "outcome", result.state().name().toLowerCase(Locale.ROOT)).increment();
        ObjectNode ran = Json.object().put("task_id", taskId).put("outcome", "ran").put("attempt", task.attempt());
        return ran.put("state", result.state().name());
    }
}
