package dev.vacant.command.tuple.lane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SmallTaskBatcherTest {

    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final Deque<Runnable> drains = new ArrayDeque<>();
    private final Executor manualDrainer = drains::add;

    private List<JsonNode> echo(List<LaneTask> tasks) {
        batchSizes.add(tasks.size());
        return tasks.stream().map(task -> (JsonNode) Json.object().set("echo", task.data())).toList();
    }

    private static LaneTask task(int i) {
        return new LaneTask("tag", Json.object().put("i", i), false);
    }

    @Test
    void drain_callsTheBatchExecutorOncePerBatchOfAtMost32_whenSeventyTasksAreQueued() {
        SmallTaskBatcher batcher = new SmallTaskBatcher(32, this::echo, manualDrainer);
        List<CompletableFuture<JsonNode>> outputs = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            outputs.add(batcher.submit(task(i)));
        }

        drains.poll().run();

        assertThat(batchSizes).containsExactly(32, 32, 6);
        for (int i = 0; i < 70; i++) {
            assertThat(outputs.get(i)).isCompletedWithValue(Json.object().set("echo", Json.object().put("i", i)));
        }
    }

    @Test
    void drain_failsEveryTaskOfTheBatch_whenTheBatchExecutorFails() {
        SmallTaskBatcher batcher = new SmallTaskBatcher(32, tasks -> {
            throw ProviderException.status("batch", 500);
        }, manualDrainer);
        CompletableFuture<JsonNode> first = batcher.submit(task(1));
        CompletableFuture<JsonNode> second = batcher.submit(task(2));

        drains.poll().run();

        assertThat(first).failsWithin(Duration.ZERO).withThrowableThat().withCauseInstanceOf(ProviderException.class);
        assertThat(second).failsWithin(Duration.ZERO).withThrowableThat().withCauseInstanceOf(ProviderException.class);
    }

    @Test
    void drain_failsTheBatch_whenTheExecutorAnswersTooFewOutputs() {
        SmallTaskBatcher batcher = new SmallTaskBatcher(32, tasks -> List.of(), manualDrainer);
        CompletableFuture<JsonNode> output = batcher.submit(task(1));

        drains.poll().run();

        assertThat(output).failsWithin(Duration.ZERO).withThrowableThat()
                .withMessageContaining("batch executor answered 0 outputs for 1 tasks");
    }
}
