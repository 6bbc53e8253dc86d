package dev.vacant.command.tuple.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.tuple.lane.LaneTask;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleMap;
import java.util.UUID;

/**
 * A tuple taken from an execution lane, as far as the runner needs it: the yool and data it runs, and what the
 * result tuple inherits (id as {@code parent_id}, authority, map).
 *
 * @param id        the task tuple's id
 * @param lane      the execution lane it was taken from
 * @param yool      what to run
 * @param map       its position (the result is written at the same one)
 * @param authority its writer (the result is written for the same vacant)
 * @param data      the task's input; {@code idempotent: true} makes it run speculatively
 */
public record TaskTuple(UUID id, String lane, String yool, TupleMap map, VacantId authority, ObjectNode data) {

    /** The task tuple an {@code in} took. */
    public static TaskTuple of(Tuple tuple) {
        return new TaskTuple(tuple.id(), tuple.lane(), tuple.yool(), tuple.map(), tuple.authority(), tuple.data());
    }

    /** The work of this tuple for its {@code ExecutionLane}. */
    public LaneTask task() {
        return new LaneTask(yool, data, data.path("idempotent").asBoolean(false));
    }
}
