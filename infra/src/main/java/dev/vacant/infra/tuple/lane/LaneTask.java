package dev.vacant.infra.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.tuple.Tuple;

/**
 * One unit of work on an execution lane.
 *
 * @param yool       what to run
 * @param data       its input
 * @param idempotent whether it may run twice (then it runs speculatively)
 */
public record LaneTask(String yool, JsonNode data, boolean idempotent) {

    /** The task a taken tuple stands for: its yool and data, idempotent when the data says {@code idempotent: true}. */
    public static LaneTask of(Tuple tuple) {
        return new LaneTask(tuple.yool(), tuple.data(), tuple.data().path("idempotent").asBoolean(false));
    }
}
