package dev.vacant.command.task;

import dev.vacant.command.task.TaskCommands.ReviewTaskCommand;
import dev.vacant.command.task.TaskCommands.TakeTaskCommand;
import dev.vacant.command.task.TaskExecutionCommands.ConcludeReviewCommand;
import dev.vacant.command.task.TaskExecutionCommands.StartTaskCommand;
import dev.vacant.command.vacant.Vacant;
import dev.vacant.command.vacant.VacantContext;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.task.ControlMode;
import dev.vacant.kernel.task.ReviewVerdict;
import dev.vacant.kernel.task.TaskLifecycleEvent;
import dev.vacant.kernel.task.TaskTransitionTable;
import dev.vacant.kernel.vacant.ReviewPayload;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * The worker's commands ({@link TaskExecutionCommands}): each appends to the task's chain and its assignee's in one
 * unit of work, so both commit or neither does. The loop's control mode is read from the event store at each take,
 * so every instance honours HALT and PAUSE at its next take.
 */
public class TaskExecutionHandlers {

    /** The caller recorded on the assignee's CALL_RECEIVED: the task, prefixed. */
    public static final String CALLER_PREFIX = "task:";

    private final Repository<Task> tasks;
    private final Repository<Vacant> vacants;
    private final Repository<TaskControl> control;
    private final EventStore store;
    private final TaskContext ctx;
    private final VacantContext vacantCtx;

    public TaskExecutionHandlers(Repository<Task> tasks, Repository<Vacant> vacants, Repository<TaskControl> control,
                                 EventStore store, TaskContext ctx, VacantContext vacantCtx) {
        this.tasks = tasks;
        this.vacants = vacants;
        this.control = control;
        this.store = store;
        this.ctx = ctx;
        this.vacantCtx = vacantCtx;
    }

    @CommandHandler
    public TaskAssignment handle(StartTaskCommand command) {
        ControlMode now = TaskControl.modeIn(control, store);
        if (!now.takesWork()) {
            throw new VacantException(ErrorCode.HALTED, "the task loop is " + now + ": no task is taken",
                    Map.of("mode", now.name()));
        }
        Aggregate<Task> task = tasks.load(command.taskId());
        TaskTransitionTable.apply(task.invoke(Task::state), TaskLifecycleEvent.TAKEN);
        String assignee = task.invoke(Task::assignment).spec().assignee();
        if (assignee != null) {
            vacants.load(assignee).invoke(v -> v.recordCall(CALLER_PREFIX + command.taskId(), vacantCtx));
        }
        task.invoke(t -> t.handle(new TakeTaskCommand(command.taskId(), command.worker(), command.lease()), ctx));
        return task.invoke(Task::assignment);
    }

    @CommandHandler
    public TaskCommandResult handle(ConcludeReviewCommand command) {
        Aggregate<Task> task = tasks.load(command.taskId());
        if (task.invoke(t -> t.reviewed(command.attempt()))) {
            return task.invoke(Task::result);
        }
        String assignee = task.invoke(Task::assignment).spec().assignee();
        if (assignee != null) {
            ReviewVerdict verdict = ctx.requeues().verdict(command.verdict(), command.attempt());
            ReviewPayload review = new ReviewPayload(ctx.nodeKey().node().signerId(), verdict.name(), null, null);
            vacants.load(assignee).invoke(v -> v.recordReview(review, vacantCtx));
        }
        return task.invoke(t -> t.handle(new ReviewTaskCommand(command.taskId(), command.attempt(),
                command.verdict(), command.reason()), ctx));
    }
}
