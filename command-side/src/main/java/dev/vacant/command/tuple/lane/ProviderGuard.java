package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every provider call goes through here: a per-provider circuit breaker (opens after {@code failureThreshold}
 * consecutive failures, half-opens once the injected clock is past {@code cooldown}) inside a retry with jittered
 * exponential backoff that retries only {@linkplain ProviderException#transientFailure() transient} failures.
 * Backoff waits are scheduled on the injected scheduler, never slept.
 */
public final class ProviderGuard {

    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final ScheduledExecutorService scheduler;

    /**
     * @param policy    retry and breaker numbers
     * @param clock     drives the breaker's cooldown
     * @param scheduler runs the retries after their backoff
     */
    public ProviderGuard(Policy policy, Clock clock, ScheduledExecutorService scheduler) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.failureThreshold())
                .minimumNumberOfCalls(policy.failureThreshold())
                .failureRateThreshold(100)
                .waitDurationInOpenState(policy.cooldown())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(policy.maxRetries() + 1)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        policy.retryBase(), 2.0, policy.jitter(), policy.retryMax()))
                .retryOnException(e -> e instanceof ProviderException failure && failure.transientFailure())
                .build());
        this.scheduler = scheduler;
    }

    /**
     * Calls {@code provider}; completes with its output, or exceptionally with the last {@link ProviderException}
     * or a {@code CallNotPermittedException} while its breaker is open.
     */
    public CompletionStage<JsonNode> call(ProviderPort provider, String yool, JsonNode data) {
        CircuitBreaker breaker = breakers.circuitBreaker(provider.name());
        Retry retry = retries.retry(provider.name());
        return retry.executeCompletionStage(scheduler, () -> {
            try {
                return CompletableFuture.completedFuture(breaker.executeSupplier(() -> provider.call(yool, data)));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /** The breaker state of every provider called so far, by name (for the snapshot). */
    public Map<String, CircuitBreaker.State> states() {
        Map<String, CircuitBreaker.State> states = new TreeMap<>();
        breakers.getAllCircuitBreakers().forEach(breaker -> states.put(breaker.getName(), breaker.getState()));
        return states;
    }

    /**
     * The guard's numbers.
     *
     * @param maxRetries       retries after the first attempt
     * @param retryBase        first backoff
     * @param retryMax         largest backoff
     * @param jitter           backoff randomisation, +- this fraction
     * @param failureThreshold consecutive failures that open a breaker
     * @param cooldown         how long an open breaker rejects calls
     */
    public record Policy(int maxRetries, Duration retryBase, Duration retryMax, double jitter, int failureThreshold,
                         Duration cooldown) {
    }
}
