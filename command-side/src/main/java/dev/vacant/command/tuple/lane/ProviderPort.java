package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;

/** A remote executor of yools (a model API and the like). Failures are {@link ProviderException}s. */
public interface ProviderPort {

    /** Names the provider; each name has its own circuit breaker. */
    String name();

    /** Runs {@code yool} on {@code data} and returns its output. */
    JsonNode call(String yool, JsonNode data);
}
