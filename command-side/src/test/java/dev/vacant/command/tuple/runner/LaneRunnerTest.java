package dev.vacant.command.tuple.runner;

import static dev.vacant.command.support.Latches.awaitUninterruptibly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.tuple.lane.ExecutionLane;
import dev.vacant.command.tuple.lane.ExecutionLanes;
import dev.vacant.command.tuple.lane.LaneMetrics;
import dev.vacant.command.tuple.lane.LocalExecutor;
import dev.vacant.command.tuple.lane.ProviderException;
import dev.vacant.command.tuple.lane.ProviderGuard;
import dev.vacant.command.tuple.lane.ReceiptCache;
import dev.vacant.command.tuple.lane.ScriptedProvider;
import dev.vacant.command.tuple.lane.Speculation;
import dev.vacant.command.tuple.space.FrontCheck;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.command.tuple.gateway.TupleOpMeter;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lane.ConcurrencyPolicy;
import dev.vacant.kernel.lane.ContextCompression;
import dev.vacant.kernel.lane.InputDigest;
import dev.vacant.kernel.time.MutableClock;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.Receipts;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleData;
import dev.vacant.kernel.tuple.TupleOp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lane runner without Spring: a scripted transport behind the real gateway and execution lanes. */
class LaneRunnerTest {

    private static final Authority ALICE = new Authority(VacantId.of(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32}), Set.of());
    private static final Duration POLL = Duration.ofMillis(100);

    private final TaskLaneTransport transport = new TaskLaneTransport();
    private final ScriptedProvider provider = new ScriptedProvider("model");
    private final CountDownLatch release = new CountDownLatch(1);
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger opIds = new AtomicInteger();
    private final Map<String, LocalExecutor> locals = Map.of(
            "upper", data -> Json.object().put("text", data.path("text").asText().toUpperCase()),
            "held", data -> {
                awaitUninterruptibly(release);
                return Json.object().put("held", true);
            },
            "broken", data -> {
                throw new IllegalStateException("secret detail");
            },
            "huge", data -> Json.object().put("text", "x".repeat(TupleData.MAX_BYTES)),
            "control", data -> Json.object().put("text", "ansi \u001b[1m bold"));
    private final AtomicInteger backlog = new AtomicInteger();
    private LaneRunner runner;
    private ExecutionLanes lanes;

    private LaneRunner start(int concurrency) {
        return start(concurrency, concurrency);
    }

    private LaneRunner start(int concurrency, int maxConcurrency) {
        ReceiptCache cache = new ReceiptCache(100, Duration.ofHours(1), () -> 0L);
        ProviderGuard guard = new ProviderGuard(new ProviderGuard.Policy(3, Duration.ofMillis(1), Duration.ofMillis(2),
                0.25, 5, Duration.ofSeconds(30)), new MutableClock(Instant.EPOCH), retries);
        lanes = new ExecutionLanes(name -> new ExecutionLane(locals, Map.of(),
                new ContextCompression(6000), cache, guard, new ExecutionLane.Providers(provider, provider),
                new Speculation(threads), new LaneMetrics(new ConcurrencyPolicy(concurrency, maxConcurrency)), threads,
                System::nanoTime), guard, cache);
        runner = new LaneRunner(List.of(TaskLaneTransport.LANE), lanes,
                new TupleGateway(transport, Duration.ofSeconds(2), FrontCheck.NONE, TupleOpMeter.NONE),
                () -> "take-" + opIds.incrementAndGet(), lane -> backlog.get(), POLL,
                Duration.ofSeconds(10), threads);
        runner.start();
        return runner;
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (runner != null) {
            runner.stop();
        }
        transport.close();
        threads.shutdownNow();
        retries.shutdownNow();
    }

    private static ObjectNode text(String text) {
        return Json.object().put("text", text);
    }

    @Test
    void run_writesTheOutputForTheTasksVacantOnTheResultsLane_withTheExecutionReceipt() throws Exception {
        start(32);
        Tuple task = transport.task(ALICE, "upper", text("hi"));

        TupleOp.Out result = transport.nextResult();

        assertThat(result.opId()).isEqualTo("result:" + task.id());
        assertThat(result.lane()).isEqualTo("tasks.results");
        assertThat(result.parentId()).isEqualTo(task.id());
        assertThat(result.authority()).isEqualTo(new Authority(task.authority(), Set.of(LaneRunner.CAPABILITY)));
        assertThat(result.yool()).isEqualTo("upper");
        assertThat(result.map()).isEqualTo(task.map());
        assertThat(result.source()).isEqualTo(TaskResults.SOURCE);
        assertThat(result.data()).isEqualTo(Json.object().set("result", text("HI")));
        assertThat(result.receipts()).containsExactly(Receipts.of("local_route", InputDigest.of("upper", text("hi"))));
    }

    @Test
    void run_feedsTheLanesBacklogToItsConcurrencyPolicy() throws Exception {
        start(1, 8);
        backlog.set(100);
        transport.task(ALICE, "upper", text("hi"));

        transport.nextResult();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> lanes.lane(TaskLaneTransport.LANE).metrics().concurrency() == 2);
    }

    @Test
    void run_takesTheNextTaskOnlyWhenARunningOneFinishes_whenTheLaneConcurrencyIsOne() throws Exception {
        start(1);
        transport.task(ALICE, "held", text("first"));
        transport.task(ALICE, "upper", text("second"));
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.tasks.size() == 1);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> transport.takes.size() == 1 && transport.tasks.size() == 1);
        release.countDown();

        assertThat(transport.nextResult().data().at("/result/held").asBoolean()).isTrue();
        assertThat(transport.nextResult().data().at("/result/text").asText()).isEqualTo("SECOND");
    }

    @Test
    void run_writesAProviderRejectedError_whenTheProviderRefusesTheTask() throws Exception {
        provider.failing(1, () -> ProviderException.status("model", 400));
        start(32);
        transport.task(ALICE, "summarise", text("x"));

        TupleOp.Out result = transport.nextResult();

        assertThat(result.data()).isEqualTo(Json.object().set("error", Json.object()
                .put("code", "PROVIDER_REJECTED").put("message", "model answered HTTP 400")));
        assertThat(result.receipts()).isEmpty();
        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void run_writesProviderFailedThenProviderUnavailable_whenRetriesRunOutAndTheBreakerOpens() throws Exception {
        provider.failing(8, () -> ProviderException.status("model", 500));
        start(1);
        transport.task(ALICE, "summarise", text("a"));
        transport.task(ALICE, "summarise", text("b"));

        TupleOp.Out exhausted = transport.nextResult();
        TupleOp.Out rejected = transport.nextResult();

        assertThat(exhausted.data().at("/error/code").asText()).isEqualTo("PROVIDER_FAILED");
        assertThat(rejected.data().at("/error/code").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(provider.calls()).isEqualTo(5);
    }

    @Test
    void run_writesAnInternalErrorWithoutItsDetail_whenTheLocalExecutorThrows() throws Exception {
        start(32);
        transport.task(ALICE, "broken", text("x"));

        assertThat(transport.nextResult().data()).isEqualTo(Json.object().set("error", Json.object()
                .put("code", "INTERNAL").put("message", "the task failed")));
    }

    @Test
    void run_writesAValidationError_whenTheOutputDoesNotFitIntoATuple() throws Exception {
        start(32);
        transport.task(ALICE, "huge", text("x"));

        TupleOp.Out result = transport.nextResult();

        assertThat(result.data().at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(result.data().at("/error/message").asText()).startsWith("data:");
    }

    @Test
    void run_writesAValidationError_whenTheOutputHasTextTheTupleSpaceRefuses() throws Exception {
        start(32);
        transport.task(ALICE, "control", text("x"));

        TupleOp.Out result = transport.nextResult();

        assertThat(result.data().at("/error/code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(result.data().at("/error/message").asText())
                .isEqualTo("result.text: must not contain the control character U+001B");
    }

    @Test
    void run_sendsTheSameTakeAgain_whenItsReplyWasLost() throws Exception {
        transport.loseTakeReplies(1);
        start(32);
        transport.task(ALICE, "upper", text("again"));

        assertThat(transport.nextResult().data().at("/result/text").asText()).isEqualTo("AGAIN");
        assertThat(transport.takes.subList(0, 2)).containsExactly("take-1", "take-1");
    }

    @Test
    void run_writesTheResultAgainWithTheSameOpId_whenTheWritesReplyWasLost() throws Exception {
        transport.loseWriteReplies(1);
        start(32);
        Tuple task = transport.task(ALICE, "upper", text("twice"));

        assertThat(transport.nextResult().data().at("/result/text").asText()).isEqualTo("TWICE");
        assertThat(transport.writes).containsExactly("result:" + task.id(), "result:" + task.id());
    }

    @Test
    void stop_letsTheRunningTaskWriteItsResultAndTakesNoMore() throws Exception {
        start(32);
        transport.task(ALICE, "held", text("x"));
        await().atMost(Duration.ofSeconds(5)).until(transport.tasks::isEmpty);
        CountDownLatch stopped = new CountDownLatch(1);
        threads.execute(() -> {
            runner.stop();
            stopped.countDown();
        });

        assertThat(stopped.await(POLL.toMillis() * 3, TimeUnit.MILLISECONDS)).isFalse();
        release.countDown();

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(transport.results).hasSize(1);
        assertThat(runner.isRunning()).isFalse();
        int takes = transport.takes.size();
        transport.task(ALICE, "upper", text("late"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                .until(() -> transport.takes.size() == takes);
        assertThat(transport.tasks).hasSize(1);
    }
}
