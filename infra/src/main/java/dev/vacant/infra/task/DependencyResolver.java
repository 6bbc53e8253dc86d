package dev.vacant.infra.task;

import dev.vacant.command.task.TaskCommands.ResolveDependenciesCommand;
import dev.vacant.kernel.event.TaskEvent;
import dev.vacant.kernel.task.TaskLogbookKind;
import dev.vacant.kernel.task.TaskState;
import dev.vacant.query.task.TaskDependants;
import dev.vacant.query.task.TaskProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries a task's outcome to the tasks that wait on it: when a task is APPROVED, FAILED or REJECTED each
 * dependant re-checks its dependencies ({@link ResolveDependenciesCommand}); a task submitted BLOCKED re-checks
 * once too, in case a dependency finished while it was being submitted. Runs in the tasks processor after the
 * projection recorded the dependencies, never during a replay.
 */
@Component
@ProcessingGroup(TaskProjection.PROCESSING_GROUP)
public class DependencyResolver {

    private static final Logger log = LoggerFactory.getLogger(DependencyResolver.class);

    private final TaskDependants dependants;
    private final CommandGateway commands;

    public DependencyResolver(TaskDependants dependants, CommandGateway commands) {
        this.dependants = dependants;
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(TaskEvent event) {
        TaskState state = event.recordedState();
        if (event.kind() == TaskLogbookKind.SUBMITTED && state == TaskState.BLOCKED) {
            resolve(event.taskId());
        } else if (state == TaskState.APPROVED || state == TaskState.FAILED || state == TaskState.REJECTED) {
            dependants.of(event.taskId()).forEach(this::resolve);
        }
    }

    private void resolve(String taskId) {
        commands.send(new ResolveDependenciesCommand(taskId)).exceptionally(failure -> {
            log.warn("Resolving the dependencies of task {} failed: {}", taskId, failure.toString());
            return null;
        });
    }
}
