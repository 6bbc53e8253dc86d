package dev.vacant.infra.task.execution;

import dev.vacant.command.tuple.runner.LaneRunner;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.TupleMap;
import dev.vacant.kernel.tuple.TupleOp;
import java.util.List;

/**
 * A queued task's tuple on the tasks lane: yool {@value #YOOL} (run by the {@link TaskWorker}), data
 * {@code {task_id}}, written by the node as the lane runner's authority. The tuple only says which task to take;
 * the task's chain says everything else.
 */
final class TaskTuples {

    /** The yool of a task tuple, also the name of the worker's local executor. */
    static final String YOOL = "task.run";
    /** The source of every task tuple. */
    static final String SOURCE = "task-loop";
    private static final TupleMap MAP = new TupleMap(List.of(0));

    private TaskTuples() {
    }

    /** The {@code out} that puts {@code taskId} on {@code lane}, applied once per {@code opId}. */
    static TupleOp.Out out(String opId, String lane, String taskId) {
        return new TupleOp.Out(opId, lane, LaneRunner.AUTHORITY, YOOL, MAP, SOURCE, null, null,
                Json.object().put("task_id", taskId), null);
    }
}
