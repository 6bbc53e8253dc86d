package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs one yool in this process; a yool with a local executor never reaches a provider. */
@FunctionalInterface
public interface LocalExecutor {

    /** The output for {@code data}. */
    JsonNode run(JsonNode data);
}
