package dev.vacant.command.tuple.lane;

import static dev.vacant.command.support.Latches.awaitUninterruptibly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lane.ConcurrencyPolicy;
import dev.vacant.kernel.lane.ContextCompression;
import dev.vacant.kernel.lane.InputDigest;
import dev.vacant.kernel.time.MutableClock;
import dev.vacant.kernel.tuple.Receipts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutionLaneTest {

    private final ImmediateScheduler scheduler = new ImmediateScheduler();
    private final ExecutorService racers = Executors.newFixedThreadPool(2);
    private final ExecutorService laneThreads = Executors.newCachedThreadPool();
    private final AtomicLong nanos = new AtomicLong();
    private final ScriptedProvider primary = new ScriptedProvider("primary");
    private final ScriptedProvider speculative = new ScriptedProvider("speculative");
    private final LaneMetrics metrics =
            new LaneMetrics(new ConcurrencyPolicy(32, 64));
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final Queue<Runnable> batchDrains = new ConcurrentLinkedQueue<>();
    private final ExecutionLane lane = lane(metrics);

    private ExecutionLane lane(LaneMetrics laneMetrics) {
        return lane(laneMetrics, new ExecutionLane.Providers(primary, speculative));
    }

    private ExecutionLane lane(LaneMetrics laneMetrics, ExecutionLane.Providers providers) {
        return new ExecutionLane(
                Map.of("upper", data -> Json.object().put("text", data.path("text").asText().toUpperCase())),
                Map.of("tag", new SmallTaskBatcher(32, this::tagAll, batchDrains::add)),
                new ContextCompression(8),
                new ReceiptCache(100, Duration.ofSeconds(3600), () -> 0L),
                new ProviderGuard(new ProviderGuard.Policy(3, Duration.ofMillis(100), Duration.ofMillis(5000), 0.25,
                        5, Duration.ofSeconds(30)), new MutableClock(Instant.EPOCH), scheduler),
                providers,
                new Speculation(racers),
                laneMetrics,
                laneThreads,
                () -> nanos.getAndAdd(5_000_000));
    }

    private List<JsonNode> tagAll(List<LaneTask> tasks) {
        batchSizes.add(tasks.size());
        return tasks.stream()
                .map(task -> (JsonNode) Json.object().put("tagged", task.data().get("i").asInt()))
                .toList();
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        racers.shutdownNow();
        laneThreads.shutdownNow();
    }

    private LaneResult run(LaneTask task) throws Exception {
        return lane.execute(task).get(5, TimeUnit.SECONDS);
    }

    @Test
    void execute_runsLocallyWithLocalRouteReceipt_whenTheYoolHasALocalExecutor() throws Exception {
        JsonNode data = Json.object().put("text", "hi");

        LaneResult result = run(new LaneTask("upper", data, false));

        assertThat(result).isEqualTo(new LaneResult(Json.object().put("text", "HI"),
                Receipts.of("local_route", InputDigest.of("upper", data))));
        assertThat(primary.calls()).isZero();
        assertThat(metrics.snapshot().get("successes").asLong()).isEqualTo(1);
    }

    @Test
    void execute_runsThirtyTwoSmallTasksInOneBatchCallWithBatchRouteReceipts_whenTheirYoolHasABatchExecutor()
            throws Exception {
        List<CompletableFuture<LaneResult>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            results.add(lane.execute(new LaneTask("tag", Json.object().put("i", i), false)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> batchDrains.size() == 32);

        batchDrains.forEach(Runnable::run);

        assertThat(batchSizes).containsExactly(32);
        for (int i = 0; i < 32; i++) {
            assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(new LaneResult(
                    Json.object().put("tagged", i),
                    Receipts.of("batch_route", InputDigest.of("tag", Json.object().put("i", i)))));
        }
        assertThat(primary.calls()).isZero();
        assertThat(metrics.snapshot().get("successes").asLong()).isEqualTo(32);
    }

    @Test
    void execute_callsTheProviderWithCompressedData_whenAStringIsLongerThanTheLimit() throws Exception {
        JsonNode data = Json.object().put("prompt", "abcdefghijkl").put("n", 1);

        LaneResult result = run(new LaneTask("summarise", data, false));

        assertThat(result).isEqualTo(new LaneResult(ScriptedProvider.OK,
                Receipts.of("provider", InputDigest.of("summarise", data), "primary")));
        assertThat(primary.lastData()).isEqualTo(new ContextCompression(8).compress(data));
        assertThat(primary.lastData().at("/prompt/compressed").asBoolean()).isTrue();
    }

    @Test
    void execute_answersFromTheCacheWithoutTheProvider_whenTheSameInputRanBefore() throws Exception {
        JsonNode data = Json.object().put("q", "same");
        run(new LaneTask("summarise", data, false));

        LaneResult again = run(new LaneTask("summarise", data.deepCopy(), false));

        assertThat(again).isEqualTo(new LaneResult(ScriptedProvider.OK,
                Receipts.of("cache_hit", InputDigest.of("summarise", data))));
        assertThat(primary.calls()).isEqualTo(1);
    }

    @Test
    void execute_leavesSpeculativeWinReceipt_whenAnIdempotentTaskIsWonBySpeculative() throws Exception {
        primary.failing(1, () -> ProviderException.status("primary", 400));
        JsonNode data = Json.object().put("idempotent", true);

        LaneResult result = run(new LaneTask("summarise", data, true));

        assertThat(result).isEqualTo(new LaneResult(ScriptedProvider.OK,
                Receipts.of("speculative_win", InputDigest.of("summarise", data), "speculative")));
        assertThat(speculative.calls()).isEqualTo(1);
    }

    @Test
    void execute_callsTheProviderOnce_whenAnIdempotentTaskHasNoSecondDistinctProvider() throws Exception {
        ExecutionLane single = lane(metrics, new ExecutionLane.Providers(primary, primary));
        JsonNode data = Json.object().put("idempotent", true);

        LaneResult result = single.execute(new LaneTask("summarise", data, true)).get(5, TimeUnit.SECONDS);

        assertThat(result.receipt()).isEqualTo(Receipts.of("provider", InputDigest.of("summarise", data), "primary"));
        assertThat(primary.calls()).isEqualTo(1);
    }

    @Test
    void execute_countsAFailureAndCachesNothing_whenTheProviderFails() {
        primary.failing(2, () -> ProviderException.status("primary", 400));
        JsonNode data = Json.object().put("q", "x");

        assertThat(lane.execute(new LaneTask("summarise", data, false))).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().withCauseInstanceOf(ProviderException.class);

        assertThat(metrics.snapshot().get("failures").asLong()).isEqualTo(1);
        assertThat(metrics.snapshot().get("ewma_latency_ms").asDouble()).isEqualTo(5.0);
        assertThat(lane.execute(new LaneTask("summarise", data, false))).failsWithin(Duration.ofSeconds(5));
        assertThat(primary.calls()).isEqualTo(2);
    }

    @Test
    void execute_queuesTheSecondTaskUntilTheFirstFinishes_whenTheLaneConcurrencyIsOne() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        primary.then(() -> {
            firstStarted.countDown();
            awaitUninterruptibly(releaseFirst);
            return Json.object().put("first", true);
        });
        ExecutionLane single = lane(new LaneMetrics(new ConcurrencyPolicy(1, 1)));
        CompletableFuture<LaneResult> first = single.execute(new LaneTask("y", Json.object().put("i", 1), false));
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<LaneResult> second = single.execute(new LaneTask("y", Json.object().put("i", 2), false));

        assertThat(primary.calls()).isEqualTo(1);
        assertThat(second).isNotDone();
        releaseFirst.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).output()).isEqualTo(Json.object().put("first", true));
        assertThat(second.get(5, TimeUnit.SECONDS).output()).isEqualTo(ScriptedProvider.OK);
        assertThat(primary.calls()).isEqualTo(2);
    }
}
