package dev.vacant.command.tuple.lane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpeculationTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Speculation speculation = new Speculation(executor);
    private final CountDownLatch loserStarted = new CountDownLatch(1);
    private final CountDownLatch loserInterrupted = new CountDownLatch(1);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Says it started, blocks until interrupted, then counts the interruption down. */
    private Callable<JsonNode> hanging() {
        return () -> {
            loserStarted.countDown();
            try {
                new CountDownLatch(1).await();
                return Json.object();
            } catch (InterruptedException e) {
                loserInterrupted.countDown();
                throw e;
            }
        };
    }

    /** Answers once the other attempt is running, so that cancelling it means interrupting it. */
    private Callable<JsonNode> answeringOnceLoserRuns(String who) {
        return () -> {
            loserStarted.await();
            return Json.object().put("by", who);
        };
    }

    private static Callable<JsonNode> answering(String who) {
        return () -> Json.object().put("by", who);
    }

    @Test
    void race_isWonBySpeculativeAndCancelsPrimary_whenSpeculativeSucceedsFirst() throws Exception {
        Speculation.Win win = speculation.race(hanging(), answeringOnceLoserRuns("speculative"))
                .get(5, TimeUnit.SECONDS);

        assertThat(win).isEqualTo(new Speculation.Win(Json.object().put("by", "speculative"),
                Speculation.Runner.SPECULATIVE));
        assertThat(loserInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void race_isWonByPrimaryAndCancelsSpeculative_whenPrimarySucceedsFirst() throws Exception {
        Speculation.Win win = speculation.race(answeringOnceLoserRuns("primary"), hanging())
                .get(5, TimeUnit.SECONDS);

        assertThat(win.winner()).isEqualTo(Speculation.Runner.PRIMARY);
        assertThat(loserInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void race_isWonBySpeculative_whenPrimaryFails() throws Exception {
        Callable<JsonNode> failing = () -> {
            throw ProviderException.status("p", 400);
        };

        assertThat(speculation.race(failing, answering("speculative")).get(5, TimeUnit.SECONDS).winner())
                .isEqualTo(Speculation.Runner.SPECULATIVE);
    }

    @Test
    void race_failsWithThePrimaryFailure_whenBothAttemptsFail() {
        Callable<JsonNode> primary = () -> {
            throw ProviderException.status("primary", 400);
        };
        Callable<JsonNode> speculative = () -> {
            throw ProviderException.status("speculative", 400);
        };

        assertThat(speculation.race(primary, speculative)).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(ProviderException.class)
                .withMessageContaining("primary answered HTTP 400");
    }
}
