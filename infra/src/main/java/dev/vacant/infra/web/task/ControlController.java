package dev.vacant.infra.web.task;

import dev.vacant.infra.web.task.TaskService.ControlState;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.task.ControlMode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's switch over the task loop: HALT, PAUSE and RESUME, each recorded on the {@code control} chain. */
@RestController
@RequestMapping("/api/v1/control")
public class ControlController {

    private final TaskService tasks;

    public ControlController(TaskService tasks) {
        this.tasks = tasks;
    }

    /** Operator: reject new tasks and stop workers taking tasks. */
    @PostMapping("/halt")
    public ControlState halt(@AuthenticationPrincipal Actor actor) {
        return tasks.control(actor, ControlMode.HALTED);
    }

    /** Operator: stop workers taking tasks, keep accepting them. */
    @PostMapping("/pause")
    public ControlState pause(@AuthenticationPrincipal Actor actor) {
        return tasks.control(actor, ControlMode.PAUSED);
    }

    /** Operator: back to running. */
    @PostMapping("/resume")
    public ControlState resume(@AuthenticationPrincipal Actor actor) {
        return tasks.control(actor, ControlMode.RUNNING);
    }
}
