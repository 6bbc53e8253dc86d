package dev.vacant.infra.web.task;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The task loop over REST ({@code docs/tasks.md}). */
@RestController
@RequestMapping("/api/v1/tasks")
public class TaskController {

    private static final TaskTransitionTableResponse TABLE = TaskTransitionTableResponse.fromKernel();

    /** All 88 cells of the task transition table, valid and invalid, plus the per-state predicates. Public. */
    @GetMapping("/transitions")
    public TaskTransitionTableResponse transitions() {
        return TABLE;
    }
}
