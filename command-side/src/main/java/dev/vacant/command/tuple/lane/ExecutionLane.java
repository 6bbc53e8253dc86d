package dev.vacant.command.tuple.lane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.lane.ContextCompression;
import dev.vacant.kernel.lane.InputDigest;
import dev.vacant.kernel.tuple.Receipts;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs the tasks of one lane, in the order of the spec: a local executor if the yool has one
 * ({@code local_route@}); else, for a small task (its yool has a batch executor), the yool's
 * {@link SmallTaskBatcher} ({@code batch_route@}); else the receipt cache ({@code cache_hit@}); else the provider
 * with the data context-compressed, through the {@link ProviderGuard}, speculatively for idempotent tasks when a
 * second, distinct provider exists ({@code speculative_win@}; never a second paid call to the same provider) and
 * once otherwise ({@code provider@}). Provider outputs are cached. Local, small and
 * provider tasks run on the injected executor, at most {@link LaneMetrics#concurrency()} at a time; the others
 * wait in the lane's FIFO queue. Every finished task feeds the lane's {@link LaneMetrics}, which then adapt the
 * concurrency to the queue length: the tasks waiting here plus the lane's {@link #backlog backlog} in the space.
 */
public final class ExecutionLane {

    private final Map<String, LocalExecutor> locals;
    private final Map<String, SmallTaskBatcher> batchers;
    private final ContextCompression compression;
    private final ReceiptCache cache;
    private final ProviderGuard guard;
    private final Providers providers;
    private final Speculation speculation;
    private final LaneMetrics metrics;
    private final Executor executor;
    private final LongSupplier nanoTime;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int running;
    private int laneBacklog;

    /**
     * @param locals      local executors by yool
     * @param batchers    the batchers of the small tasks, by yool
     * @param compression applied to provider-bound data
     * @param cache       provider outputs by input digest (may be shared by lanes)
     * @param guard       retry and breakers (may be shared by lanes)
     * @param providers   where provider-bound tasks go
     * @param speculation runs the race of idempotent tasks
     * @param metrics     this lane's metrics
     * @param executor    runs admitted tasks
     * @param nanoTime    measures latency ({@code System::nanoTime} in production)
     */
    public ExecutionLane(Map<String, LocalExecutor> locals, Map<String, SmallTaskBatcher> batchers,
                         ContextCompression compression, ReceiptCache cache, ProviderGuard guard, Providers providers,
                         Speculation speculation, LaneMetrics metrics, Executor executor, LongSupplier nanoTime) {
        this.locals = Map.copyOf(locals);
        this.batchers = Map.copyOf(batchers);
        this.compression = compression;
        this.cache = cache;
        this.guard = guard;
        this.providers = providers;
        this.speculation = speculation;
        this.metrics = metrics;
        this.executor = executor;
        this.nanoTime = nanoTime;
    }

    /** Runs {@code task}; completes with its output and receipt, or exceptionally with the provider's failure. */
    public CompletableFuture<LaneResult> execute(LaneTask task) {
        String digest = InputDigest.of(task.yool(), task.data());
        LocalExecutor local = locals.get(task.yool());
        if (local != null) {
            return admitted(() -> CompletableFuture.completedFuture(
                    new LaneResult(local.run(task.data()), Receipts.of("local_route", digest))));
        }
        SmallTaskBatcher batcher = batchers.get(task.yool());
        if (batcher != null) {
            return admitted(() -> batcher.submit(task)
                    .thenApply(output -> new LaneResult(output, Receipts.of("batch_route", digest))));
        }
        Optional<LaneResult> hit = cache.hit(task.yool(), task.data());
        if (hit.isPresent()) {
            return CompletableFuture.completedFuture(hit.get());
        }
        JsonNode data = compression.compress(task.data());
        return admitted(() -> task.idempotent() && providers.distinct()
                ? speculative(task.yool(), data, digest)
                : once(task.yool(), data, digest))
                .thenApply(result -> {
                    cache.put(task.yool(), task.data(), result.output());
                    return result;
                });
    }

    /**
     * The tuples waiting on this lane in the tuple space, as the runner last counted them: they are queued work
     * too, so they count towards the queue the concurrency policy adapts to.
     */
    public synchronized void backlog(int tuples) {
        laneBacklog = tuples;
    }

    /** This lane's metrics, for the snapshot. */
    public LaneMetrics metrics() {
        return metrics;
    }

    private CompletableFuture<LaneResult> once(String yool, JsonNode data, String digest) {
        return guard.call(providers.primary(), yool, data).toCompletableFuture()
                .thenApply(output -> new LaneResult(output,
                        Receipts.of("provider", digest, providers.primary().name())));
    }

    private CompletableFuture<LaneResult> speculative(String yool, JsonNode data, String digest) {
        return speculation.race(guarded(providers.primary(), yool, data), guarded(providers.speculative(), yool, data))
                .thenApply(win -> new LaneResult(win.output(),
                        Receipts.of("speculative_win", digest, win.winner().name().toLowerCase())));
    }

    private Callable<JsonNode> guarded(ProviderPort provider, String yool, JsonNode data) {
        return () -> {
            try {
                return guard.call(provider, yool, data).toCompletableFuture().get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }

    /** Runs {@code run} once the lane has room, measuring it and completing with its result. */
    private CompletableFuture<LaneResult> admitted(Supplier<CompletableFuture<LaneResult>> run) {
        CompletableFuture<LaneResult> result = new CompletableFuture<>();
        Runnable start = () -> {
            long begin = nanoTime.getAsLong();
            CompletableFuture<LaneResult> call;
            try {
                call = run.get();
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            call.whenComplete((done, failure) -> {
                metrics.record(failure == null, Duration.ofNanos(nanoTime.getAsLong() - begin));
                finished();
                if (failure == null) {
                    result.complete(done);
                } else {
                    result.completeExceptionally(failure);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < metrics.concurrency();
            if (now) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            executor.execute(start);
        }
        return result;
    }

    private void finished() {
        List<Runnable> starts = new ArrayList<>();
        synchronized (this) {
            running--;
            int concurrency = metrics.adapt(waiting.size() + laneBacklog);
            while (running < concurrency && !waiting.isEmpty()) {
                running++;
                starts.add(waiting.poll());
            }
        }
        starts.forEach(executor::execute);
    }

    /**
     * The providers of a lane.
     *
     * @param primary     every provider-bound task goes here
     * @param speculative races the primary for idempotent tasks (may be the same provider)
     */
    public record Providers(ProviderPort primary, ProviderPort speculative) {

        /** Whether the speculative provider is another one than the primary (only then is a race worth paying). */
        public boolean distinct() {
            return !primary.name().equals(speculative.name());
        }
    }
}
