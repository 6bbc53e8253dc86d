package dev.vacant.infra.web.task;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.command.task.TaskCommandResult;
import dev.vacant.command.task.TaskCommands.SubmitTaskCommand;
import dev.vacant.command.task.TaskControl;
import dev.vacant.command.task.TaskControl.ChangeControlModeCommand;
import dev.vacant.infra.web.task.TaskRequests.TaskBody;
import dev.vacant.infra.web.vacant.CommandSender;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.task.TaskId;
import dev.vacant.kernel.task.TaskState;
import dev.vacant.query.task.RewardBalance;
import dev.vacant.query.task.TaskQueries;
import dev.vacant.query.task.TaskRow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/**
 * The task loop ({@code docs/tasks.md}) as the REST and gRPC adapters share it: submission through the preflight
 * gate, the tasks read model, the operator's switch and the rewards ledger. Ids arrive as the caller wrote them.
 */
@Service
@Validated
public class TaskService {

    private static final TaskTransitionTableResponse TABLE = TaskTransitionTableResponse.fromKernel();
    private static final int MAX_LIMIT = 1000;

    private final CommandSender commands;
    private final TaskQueries queries;

    public TaskService(CommandSender commands, TaskQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** A submitted task: its id, state, attempt and chain head, and its subtasks in order if it was decomposed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaskAccepted(String id, TaskState state, int attempt, long seq, String hash, List<String> subtasks) {
        static TaskAccepted of(TaskCommandResult result) {
            return new TaskAccepted(result.id(), result.state(), result.attempt(), result.seq(), result.hash(),
                    result.subtasks());
        }
    }

    /** The mode in force after a switch. */
    public record ControlState(ControlMode mode) {
    }

    /** Parses a task id from a request, as {@code VALIDATION_FAILED} when malformed. */
    static String taskId(String field, String value) {
        try {
            return TaskId.parse(value).value();
        } catch (IllegalArgumentException e) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, field + ": " + e.getMessage());
        }
    }

    /** All 88 cells of the task transition table, valid and invalid, plus the per-state predicates. Public. */
    public TaskTransitionTableResponse transitions() {
        return TABLE;
    }

    /**
     * Submits a task (QUEUED or BLOCKED). A task the preflight gate refuses is recorded as REJECTED with its reason
     * and answered as a rejection with that code and the task's id ({@code task_id}).
     */
    public TaskAccepted submit(Actor actor, @NotNull @Valid TaskBody body) {
        String id = TaskId.of(UUID.randomUUID()).value();
        TaskCommandResult result = commands.send(new SubmitTaskCommand(id, actor, body.toSpec()));
        if (result.state() == TaskState.REJECTED) {
            ErrorCode code = ErrorCode.valueOf(result.rejection());
            throw new VacantException(code, "the preflight gate rejected the task: " + code, Map.of("task_id", id));
        }
        return TaskAccepted.of(result);
    }

    /** One task as the tasks read model holds it (eventually consistent), or {@code NOT_FOUND}. */
    public TaskRow task(String id) {
        return queries.task(taskId("id", id))
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no task " + id));
    }

    /** Up to {@code limit} (1 to 1000) tasks in {@code state}, by id. */
    public List<TaskRow> inState(TaskState state, int limit) {
        if (state == null) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "state: required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "limit: between 1 and " + MAX_LIMIT);
        }
        return queries.inState(state, limit);
    }

    /** Operator: switches the task loop to {@code mode}, recorded on the {@code control} chain. */
    public ControlState control(Actor actor, ControlMode mode) {
        actor.requireOperator();
        return new ControlState(commands.send(new ChangeControlModeCommand(TaskControl.ID, actor, mode)));
    }

    /** A vacant's rewards balance and grants (any authenticated caller; eventually consistent). */
    public RewardBalance rewards(String vacant) {
        return queries.balance(VacantRequests.vacantId("vacant", vacant).value());
    }
}
