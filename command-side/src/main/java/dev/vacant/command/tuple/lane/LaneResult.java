package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an execution lane answers for one task.
 *
 * @param output  the executor's output
 * @param receipt how it was obtained: {@code local_route@}, {@code cache_hit@}, {@code speculative_win@} or
 *                {@code provider@} followed by the short digest
 */
public record LaneResult(JsonNode output, String receipt) {
}
