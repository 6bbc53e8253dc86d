package dev.vacant.infra.web.task;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.command.task.TaskCommandResult;
import dev.vacant.command.task.TaskCommands.SubmitTaskCommand;
import dev.vacant.infra.web.task.TaskRequests.TaskBody;
import dev.vacant.infra.web.vacant.CommandSender;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.task.TaskId;
import dev.vacant.kernel.task.TaskState;
import jakarta.validation.Valid;
import dev.vacant.query.task.TaskQueries;
import dev.vacant.query.task.TaskRow;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The task loop over REST ({@code docs/tasks.md}). */
@RestController
@RequestMapping("/api/v1/tasks")
public class TaskController {

    private static final TaskTransitionTableResponse TABLE = TaskTransitionTableResponse.fromKernel();

    private final CommandSender commands;
    private final TaskQueries queries;

    public TaskController(CommandSender commands, TaskQueries queries) {
        this.commands = commands;
        this.queries = queries;
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
    @GetMapping("/transitions")
    public TaskTransitionTableResponse transitions() {
        return TABLE;
    }

    /**
     * Submits a task (201 with its state, QUEUED or BLOCKED). A task the preflight gate refuses is recorded as
     * REJECTED with its reason and answered as a problem with that code and the task's id ({@code task_id}).
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public TaskAccepted submit(@AuthenticationPrincipal Actor actor, @Valid @RequestBody TaskBody body) {
        String id = TaskId.of(UUID.randomUUID()).value();
        TaskCommandResult result = commands.send(new SubmitTaskCommand(id, actor, body.toSpec()));
        if (result.state() == TaskState.REJECTED) {
            ErrorCode code = ErrorCode.valueOf(result.rejection());
            throw new VacantException(code, "the preflight gate rejected the task: " + code, Map.of("task_id", id));
        }
        return TaskAccepted.of(result);
    }

    /** One task as the tasks read model holds it (eventually consistent), or {@code NOT_FOUND}. */
    @GetMapping("/{id}")
    public TaskRow task(@PathVariable String id) {
        return queries.task(taskId("id", id))
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no task " + id));
    }

    /** Up to {@code limit} (100, at most 1000) tasks in {@code state}, by id. */
    @GetMapping(params = "state")
    public List<TaskRow> inState(@RequestParam TaskState state, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "limit: between 1 and 1000");
        }
        return queries.inState(state, limit);
    }

    /** A submitted task: its id, state, attempt and chain head. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaskAccepted(String id, TaskState state, int attempt, long seq, String hash) {
        static TaskAccepted of(TaskCommandResult result) {
            return new TaskAccepted(result.id(), result.state(), result.attempt(), result.seq(), result.hash());
        }
    }
}
