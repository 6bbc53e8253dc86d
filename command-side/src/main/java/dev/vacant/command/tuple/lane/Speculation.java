package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speculative execution of an idempotent task: a primary and a speculative attempt run at once on the
 * injected executor; the first success wins and the other attempt is cancelled (interrupted). When both fail,
 * the race fails with the primary's failure.
 */
public final class Speculation {

    private final ExecutorService executor;

    public Speculation(ExecutorService executor) {
        this.executor = executor;
    }

    /** Races the two attempts. */
    public CompletableFuture<Win> race(Callable<JsonNode> primary, Callable<JsonNode> speculative) {
        CompletableFuture<Win> result = new CompletableFuture<>();
        AtomicInteger failures = new AtomicInteger();
        CompletableFuture<Throwable> primaryFailure = new CompletableFuture<>();
        Future<?> primaryRun = executor.submit(
                () -> attempt(Runner.PRIMARY, primary, result, failures, primaryFailure));
        Future<?> speculativeRun = executor.submit(
                () -> attempt(Runner.SPECULATIVE, speculative, result, failures, primaryFailure));
        result.thenAccept(win -> (win.winner() == Runner.PRIMARY ? speculativeRun : primaryRun).cancel(true));
        return result;
    }

    private static void attempt(Runner runner, Callable<JsonNode> task, CompletableFuture<Win> result,
                                AtomicInteger failures, CompletableFuture<Throwable> primaryFailure) {
        try {
            result.complete(new Win(task.call(), runner));
        } catch (Exception e) {
            if (runner == Runner.PRIMARY) {
                primaryFailure.complete(e);
            }
            if (failures.incrementAndGet() == 2) {
                primaryFailure.thenAccept(result::completeExceptionally);
            }
        }
    }

    /** Which attempt ran. */
    public enum Runner { PRIMARY, SPECULATIVE }

    /**
     * The winning attempt's output.
     *
     * @param output what it returned
     * @param winner which attempt it was
     */
    public record Win(JsonNode output, Runner winner) {
    }
}
