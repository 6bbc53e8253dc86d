package dev.vacant.infra.web.task;

import dev.vacant.infra.web.task.TaskRequests.TaskBody;
import dev.vacant.infra.web.task.TaskService.TaskAccepted;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.task.TaskState;
import dev.vacant.query.task.TaskRow;
import jakarta.validation.Valid;
import java.util.List;
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

/** The task loop over REST ({@code docs/tasks.md}), on {@link TaskService}. */
@RestController
@RequestMapping("/api/v1/tasks")
public class TaskController {

    private final TaskService tasks;

    public TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    /** All 88 cells of the task transition table, valid and invalid, plus the per-state predicates. Public. */
    @GetMapping("/transitions")
    public TaskTransitionTableResponse transitions() {
        return tasks.transitions();
    }

    /**
     * Submits a task (201 with its state, QUEUED or BLOCKED). A task the preflight gate refuses is recorded as
     * REJECTED with its reason and answered as a problem with that code and the task's id ({@code task_id}).
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public TaskAccepted submit(@AuthenticationPrincipal Actor actor, @Valid @RequestBody TaskBody body) {
        return tasks.submit(actor, body);
    }

    /** One task as the tasks read model holds it (eventually consistent), or {@code NOT_FOUND}. */
    @GetMapping("/{id}")
    public TaskRow task(@PathVariable String id) {
        return tasks.task(id);
    }

    /** Up to {@code limit} (100, at most 1000) tasks in {@code state}, by id. */
    @GetMapping(params = "state")
    public List<TaskRow> inState(@RequestParam TaskState state, @RequestParam(defaultValue = "100") int limit) {
        return tasks.inState(state, limit);
    }
}
