package dev.vacant.command.task;

import dev.vacant.command.task.TaskCommands.ResolveDependenciesCommand;
import dev.vacant.command.task.TaskCommands.SubmitTaskCommand;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.task.Decomposition;
import dev.vacant.kernel.task.TaskSpec;
import dev.vacant.kernel.task.TaskState;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Commands that read other aggregates: submission (the task loop's control mode, the dependencies' states; a
 * decomposed task's subtasks are submitted with it, in the same unit of work) and the resolution of a BLOCKED
 * task's dependencies (or a decomposed parent's subtasks).
 * The gate's rejection is recorded as a REJECTED task (the audit trail of the decision); a malformed request
 * (an unknown or self dependency) writes nothing.
 */
public class TaskCommandHandlers {

    private final Repository<Task> tasks;
    private final Repository<TaskControl> control;
    private final EventStore store;
    private final CommittedBudgets budgets;
    private final TaskContext ctx;

    public TaskCommandHandlers(Repository<Task> tasks, Repository<TaskControl> control, EventStore store,
                               CommittedBudgets budgets, TaskContext ctx) {
        this.tasks = tasks;
        this.control = control;
        this.store = store;
        this.budgets = budgets;
        this.ctx = ctx;
    }

    @CommandHandler
    public TaskCommandResult handle(SubmitTaskCommand command) throws Exception {
        TaskSpec spec = command.spec();
        boolean blocked = dependenciesPending(command.taskId(), spec);
        String submitter = command.actor().principal();
        String rejection = ctx.gate().rejection(spec, mode())
                .or(() -> ctx.spendingLimit().refusal(budgets.committedMicros(submitter), spec.maxBudgetMicros()))
                .map(Enum::name).orElse(null);
        List<Decomposition.Subtask> subtasks = rejection == null ? Decomposition.subtasks(command.taskId(), spec)
                : List.of();
        List<String> subtaskIds = subtasks.stream().map(Decomposition.Subtask::id).toList();
        TaskCommandResult submitted = tasks.newInstance(() -> new Task(command.taskId(), submitter, spec, rejection,
                blocked, null, subtaskIds, ctx)).invoke(Task::result);
        for (int i = 0; i < subtasks.size(); i++) {
            Decomposition.Subtask subtask = subtasks.get(i);
            boolean waits = blocked || i > 0;
            tasks.newInstance(() -> new Task(subtask.id(), submitter, subtask.spec(), null, waits, command.taskId(),
                    List.of(), ctx));
        }
        return submitted;
    }

    /** See {@link ResolveDependenciesCommand}. */
    @CommandHandler
    public TaskCommandResult handle(ResolveDependenciesCommand command) {
        Aggregate<Task> task = tasks.load(command.taskId());
        if (task.invoke(Task::state) != TaskState.BLOCKED) {
            return task.invoke(Task::result);
        }
        boolean allApproved = true;
        for (String dependency : task.invoke(Task::dependencies)) {
            TaskState state = tasks.load(dependency).invoke(Task::state);
            if (state == TaskState.FAILED || state == TaskState.REJECTED) {
                return task.invoke(t -> t.failDependency(dependency, ctx));
            }
            allApproved &= state == TaskState.APPROVED;
        }
        return allApproved ? task.invoke(t -> t.unblock(ctx)) : task.invoke(Task::result);
    }

    /** The mode in force: RUNNING until an operator first switched the loop. */
    private ControlMode mode() {
        return TaskControl.modeIn(control, store);
    }

    private boolean exists(String aggregateId) {
        return store.lastSequenceNumberFor(aggregateId).isPresent();
    }

    /** Whether any dependency is not yet APPROVED; a dependency on itself or on an unknown task is refused. */
    private boolean dependenciesPending(String taskId, TaskSpec spec) {
        boolean pending = false;
        for (String dependency : spec.dependsOn()) {
            if (dependency.equals(taskId)) {
                throw new VacantException(ErrorCode.VALIDATION_FAILED, "a task cannot depend on itself",
                        Map.of("field", "depends_on"));
            }
            if (!exists(dependency)) {
                throw new VacantException(ErrorCode.NOT_FOUND, "no task " + dependency, Map.of("field", "depends_on"));
            }
            pending |= tasks.load(dependency).invoke(Task::state) != TaskState.APPROVED;
        }
        return pending;
    }
}
