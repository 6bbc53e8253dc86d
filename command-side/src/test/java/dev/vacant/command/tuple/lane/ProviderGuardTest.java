package dev.vacant.command.tuple.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.time.MutableClock;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderGuardTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ImmediateScheduler scheduler = new ImmediateScheduler();
    private final ProviderGuard guard = new ProviderGuard(new ProviderGuard.Policy(3, Duration.ofMillis(100),
            Duration.ofMillis(5000), 0.25, 5, Duration.ofSeconds(30)), clock, scheduler);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private JsonNode call(ProviderPort provider) throws Exception {
        try {
            return guard.call(provider, "summarise", Json.object()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void call_retriesWithJitteredBackoff_whenTheStatusIsTransient(int status) throws Exception {
        ScriptedProvider provider = new ScriptedProvider("p").failing(3, () -> ProviderException.status("p", status));

        assertThat(call(provider)).isEqualTo(ScriptedProvider.OK);

        assertThat(provider.calls()).isEqualTo(4);
        assertThat(scheduler.delaysMillis()).hasSize(3);
        assertThat(scheduler.delaysMillis().get(0)).isBetween(75L, 125L);
        assertThat(scheduler.delaysMillis().get(1)).isBetween(150L, 250L);
        assertThat(scheduler.delaysMillis().get(2)).isBetween(300L, 500L);
    }

    @Test
    void call_neverWaitsLongerThanRetryMax_whenBackoffWouldGrowPastIt() throws Exception {
        ProviderGuard patient = new ProviderGuard(new ProviderGuard.Policy(8, Duration.ofMillis(100),
                Duration.ofMillis(500), 0.25, 20, Duration.ofSeconds(30)), clock, scheduler);
        ScriptedProvider provider = new ScriptedProvider("p").failing(8, () -> ProviderException.timeout("p"));

        assertThat(patient.call(provider, "summarise", Json.object()).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(ScriptedProvider.OK);

        assertThat(scheduler.delaysMillis()).hasSize(8).allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(500));
        assertThat(scheduler.delaysMillis().subList(4, 8)).allSatisfy(delay -> assertThat(delay).isBetween(375L, 500L));
    }

    @Test
    void call_retriesTimeoutsAndConnectionErrors_untilRetriesRunOut() {
        ScriptedProvider provider = new ScriptedProvider("p")
                .failing(2, () -> ProviderException.timeout("p"))
                .failing(2, () -> ProviderException.connection("p", new ConnectException("refused")));

        assertThatThrownBy(() -> call(provider)).isInstanceOf(ProviderException.class)
                .hasMessage("p could not be reached");
        assertThat(provider.calls()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 422})
    void call_doesNotRetry_whenTheFailureIsNotTransient(int status) {
        ScriptedProvider provider = new ScriptedProvider("p").failing(1, () -> ProviderException.status("p", status));

        assertThatThrownBy(() -> call(provider)).isInstanceOf(ProviderException.class)
                .hasMessage("p answered HTTP " + status);
        assertThat(provider.calls()).isEqualTo(1);
        assertThat(scheduler.delaysMillis()).isEmpty();
    }

    @Test
    void call_isRejectedWithoutReachingTheProvider_whenFiveConsecutiveFailuresOpenedTheBreaker() {
        ScriptedProvider provider = new ScriptedProvider("p").failing(5, () -> ProviderException.status("p", 400));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> call(provider)).isInstanceOf(ProviderException.class);
            assertThat(guard.states()).containsEntry("p", CircuitBreaker.State.CLOSED);
        }
        assertThatThrownBy(() -> call(provider)).isInstanceOf(ProviderException.class);
        assertThat(guard.states()).containsEntry("p", CircuitBreaker.State.OPEN);

        clock.advance(Duration.ofSeconds(29));

        assertThatThrownBy(() -> call(provider)).isInstanceOf(CallNotPermittedException.class);
        assertThat(provider.calls()).isEqualTo(5);
    }

    @Test
    void call_keepsOtherProvidersClosed_whenOneProviderBreakerIsOpen() throws Exception {
        ScriptedProvider failing = new ScriptedProvider("down").failing(5, () -> ProviderException.status("down", 400));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> call(failing)).isInstanceOf(ProviderException.class);
        }

        assertThat(call(new ScriptedProvider("up"))).isEqualTo(ScriptedProvider.OK);
        assertThat(guard.states()).containsEntry("down", CircuitBreaker.State.OPEN)
                .containsEntry("up", CircuitBreaker.State.CLOSED);
    }

    @Test
    void call_halfOpensAndLetsOneTrialThrough_whenTheCooldownHasPassed() throws Exception {
        AtomicReference<CircuitBreaker.State> stateDuringTrial = new AtomicReference<>();
        ScriptedProvider provider = new ScriptedProvider("p").failing(5, () -> ProviderException.status("p", 400))
                .then(() -> {
                    stateDuringTrial.set(guard.states().get("p"));
                    return ScriptedProvider.OK;
                });
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> call(provider)).isInstanceOf(ProviderException.class);
        }

        clock.advance(Duration.ofSeconds(30).plusMillis(1));

        assertThat(call(provider)).isEqualTo(ScriptedProvider.OK);
        assertThat(stateDuringTrial.get()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(guard.states()).containsEntry("p", CircuitBreaker.State.CLOSED);
    }

    @Test
    void call_reopens_whenTheHalfOpenTrialFails() {
        ScriptedProvider provider = new ScriptedProvider("p").failing(6, () -> ProviderException.status("p", 400));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> call(provider)).isInstanceOf(ProviderException.class);
        }
        clock.advance(Duration.ofSeconds(30).plusMillis(1));

        assertThatThrownBy(() -> call(provider)).isInstanceOf(ProviderException.class);

        assertThat(guard.states()).containsEntry("p", CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> call(provider)).isInstanceOf(CallNotPermittedException.class);
        assertThat(provider.calls()).isEqualTo(6);
    }
}
