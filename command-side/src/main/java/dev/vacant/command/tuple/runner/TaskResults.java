package dev.vacant.command.tuple.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.tuple.lane.LaneResult;
import dev.vacant.kernel.input.InputPolicy;
import dev.vacant.kernel.input.NumberRule;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.TupleOp;
import java.util.List;
import java.util.Set;

/**
 * The {@code out} of a task's result: on lane {@code <lane>.results}, with the task's yool and map,
 * {@code parent_id} = the task tuple, written for the task's vacant (plus the runner's capability, so a guarded
 * results lane can admit the runner), {@code source} {@value #SOURCE}, and op id {@code result:<task id>} so a
 * retried write is applied once. Data {@code {result}} with the execution receipt carried after {@code out@}, or
 * {@code {error: {code, message}}}.
 */
public final class TaskResults {

    /** The suffix of a results lane. */
    public static final String LANE_SUFFIX = ".results";
    /** The source of every result tuple. */
    public static final String SOURCE = "lane-runner";

    private TaskResults() {
    }

    /** The results lane of an execution lane. */
    public static String laneOf(String executionLane) {
        return executionLane + LANE_SUFFIX;
    }

    /**
     * A task's output; fails {@code VALIDATION_FAILED} when it does not fit into a tuple: too large, or text or
     * numbers the tuple space's {@link InputPolicy} refuses (a provider's output may carry control characters).
     */
    public static TupleOp.Out success(TaskTuple task, LaneResult result) {
        ObjectNode data = Json.object().set("result", result.output());
        InputPolicy.require(data, NumberRule.EXACT);
        return out(task, data, List.of(result.receipt()));
    }

    /** A task's failure. */
    public static TupleOp.Out failure(TaskTuple task, TaskError error) {
        ObjectNode data = Json.object().set("error", error.json());
        return out(task, data, List.of());
    }

    private static TupleOp.Out out(TaskTuple task, ObjectNode data, List<String> receipts) {
        return new TupleOp.Out("result:" + task.id(), laneOf(task.lane()),
                new Authority(task.authority(), Set.of(LaneRunner.CAPABILITY)), task.yool(), task.map(), SOURCE,
                task.id(), null, data, null, receipts);
    }
}
