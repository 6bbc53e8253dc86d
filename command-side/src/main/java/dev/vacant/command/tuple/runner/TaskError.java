package dev.vacant.command.tuple.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.tuple.lane.ProviderException;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a task has no output, as its result tuple reports it: a {@link ProviderException}'s code, an open breaker
 * ({@code PROVIDER_UNAVAILABLE}), a rejected result ({@link VacantException}'s code), else {@code INTERNAL} with a
 * generic message (the cause is logged, never written into the tuple).
 *
 * @param code    stable code ({@code docs/errors.md})
 * @param message human-readable detail
 */
public record TaskError(ErrorCode code, String message) {

    /** The error of a failed task. */
    public static TaskError of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ProviderException provider) {
            return new TaskError(provider.code(), provider.getMessage());
        }
        if (cause instanceof CallNotPermittedException open) {
            return new TaskError(ErrorCode.PROVIDER_UNAVAILABLE, open.getMessage());
        }
        if (cause instanceof VacantException rejected) {
            return new TaskError(rejected.code(), rejected.getMessage());
        }
        return new TaskError(ErrorCode.INTERNAL, "the task failed");
    }

    /** {@code {code, message}}. */
    public ObjectNode json() {
        return Json.object().put("code", code.name()).put("message", message);
    }
}
