package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects small tasks and hands them to one {@link BatchExecutor} call per batch of at most
 * {@code batchSize}. Each submit schedules a drain on the injected executor; a drain takes everything queued,
 * {@code batchSize} at a time.
 */
public final class SmallTaskBatcher {

    private final int batchSize;
    private final BatchExecutor batchExecutor;
    private final Executor drainer;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    public SmallTaskBatcher(int batchSize, BatchExecutor batchExecutor, Executor drainer) {
        this.batchSize = batchSize;
        this.batchExecutor = batchExecutor;
        this.drainer = drainer;
    }

    /** Queues {@code task}; completes with its output once its batch ran. */
    public CompletableFuture<JsonNode> submit(LaneTask task) {
        Pending pending = new Pending(task, new CompletableFuture<>());
        queue.add(pending);
        drainer.execute(this::drain);
        return pending.output();
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            List<Pending> batch = next();
            while (!batch.isEmpty()) {
                run(batch);
                batch = next();
            }
        } finally {
            draining.set(false);
        }
        if (!queue.isEmpty()) {
            drainer.execute(this::drain);
        }
    }

    private List<Pending> next() {
        List<Pending> batch = new ArrayList<>(batchSize);
        Pending pending;
        while (batch.size() < batchSize && (pending = queue.poll()) != null) {
            batch.add(pending);
        }
        return batch;
    }

    private void run(List<Pending> batch) {
        try {
            List<JsonNode> outputs = batchExecutor.run(batch.stream().map(Pending::task).toList());
            if (outputs.size() != batch.size()) {
                throw new IllegalStateException("batch executor answered " + outputs.size() + " outputs for "
                        + batch.size() + " tasks");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).output().complete(outputs.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.output().completeExceptionally(e));
        }
    }

    /** Runs a batch of small tasks in one call, answering their outputs in order. */
    @FunctionalInterface
    public interface BatchExecutor {
        List<JsonNode> run(List<LaneTask> tasks);
    }

    private record Pending(LaneTask task, CompletableFuture<JsonNode> output) {
    }
}
