package dev.vacant.infra.task.execution;

import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.kernel.event.TaskEvent;
import dev.vacant.kernel.task.TaskState;
import dev.vacant.query.task.TaskProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every task that becomes QUEUED (submitted, unblocked, retried, or its lease lapsed) on the tasks lane, once
 * per entry: the op id {@code task:<task id>:<seq>} makes a redelivered event write nothing more. Runs in the tasks
 * processor, never during a replay; a write that fails is logged, and the {@link TaskSweeper} puts the task back.
 */
@ProcessingGroup(TaskProjection.PROCESSING_GROUP)
public class TaskDispatcher {

    private static final Logger log = LoggerFactory.getLogger(TaskDispatcher.class);

    private final TupleGateway gateway;
    private final String lane;

    public TaskDispatcher(TupleGateway gateway, String lane) {
        this.gateway = gateway;
        this.lane = lane;
    }

    @EventHandler
    @DisallowReplay
    void on(TaskEvent event) {
        if (event.recordedState() != TaskState.QUEUED) {
            return;
        }
        String opId = "task:" + event.taskId() + ":" + event.entry().body().seq();
        try {
            gateway.request(TaskTuples.out(opId, lane, event.taskId()));
        } catch (RuntimeException e) {
            log.warn("Task {} could not be put on lane {} ({}); the sweeper will", event.taskId(), lane, e.toString());
        }
    }
}
