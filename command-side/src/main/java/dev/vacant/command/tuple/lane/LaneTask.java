package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One unit of work on an execution lane.
 *
 * @param yool       what to run
 * @param data       its input
 * @param idempotent whether it may run twice (then it runs speculatively); for a tuple, its data's
 *                   {@code idempotent: true}
 */
public record LaneTask(String yool, JsonNode data, boolean idempotent) {
}
