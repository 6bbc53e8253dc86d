package dev.vacant.kernel.audit;

import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.VerificationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verifies a whole event store streamed in global order (chains interleaved): every vacant's and every task's chain
 * (rows of other aggregates are skipped). Rows are partitioned by
 * {@code aggregate_identifier} onto worker threads; each worker owns the {@link ChainVerifier} cursors of its
 * chains, so a chain is verified in stored order without locks while chains proceed in parallel. Feed batches
 * from one thread with {@link #accept}, then call {@link #finish} once.
 */
public final class StreamingVerifier implements AutoCloseable {

    private static final int QUEUED_BATCHES_PER_WORKER = 4;
    /** The end-of-stream marker, compared by identity. */
    private static final List<StoredEvent> END = Collections.unmodifiableList(new ArrayList<>());

    private final List<Worker> workers = new ArrayList<>();
    private final List<Future<?>> running = new ArrayList<>();
    private final ExecutorService threads;

    /** Starts {@code workerCount} workers (at least one) reading by the application's event table. */
    public StreamingVerifier(int workerCount) {
        this(workerCount, StoredEventDecoder.standard());
    }

    /** Starts {@code workerCount} workers (at least one) reading rows with {@code decoder}. */
    public StreamingVerifier(int workerCount, StoredEventDecoder decoder) {
        int count = Math.max(1, workerCount);
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, "audit-verifier-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < count; i++) {
            Worker worker = new Worker(decoder);
            workers.add(worker);
            running.add(threads.submit(worker));
        }
    }

    /** Hands the next rows of the store (in global order) to the workers owning their chains. */
    public void accept(List<StoredEvent> batch) {
        List<List<StoredEvent>> parts = new ArrayList<>();
        workers.forEach(worker -> parts.add(new ArrayList<>()));
        for (StoredEvent row : batch) {
            parts.get(Math.floorMod(row.aggregateIdentifier().hashCode(), workers.size())).add(row);
        }
        for (int i = 0; i < workers.size(); i++) {
            if (!parts.get(i).isEmpty()) {
                enqueue(i, parts.get(i));
            }
        }
    }

    /** Waits for the workers to drain their queues and merges what they found. */
    public VerificationResult finish() {
        for (int i = 0; i < workers.size(); i++) {
            enqueue(i, END);
        }
        long verified = 0;
        long skipped = 0;
        List<VerificationFailure> failures = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            await(running.get(i));
            Worker worker = workers.get(i);
            verified += worker.verified;
            skipped += worker.skipped;
            failures.addAll(worker.failures);
        }
        return new VerificationResult(verified, skipped, failures);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private void enqueue(int index, List<StoredEvent> part) {
        try {
            while (!workers.get(index).queue.offer(part, 100, TimeUnit.MILLISECONDS)) {
                if (running.get(index).isDone()) {
                    await(running.get(index));
                    throw new CancellationException("verification stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("verification interrupted");
        }
    }

    private static void await(Future<?> worker) {
        try {
            worker.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("verification interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a verification worker failed", e.getCause());
        }
    }

    /** One worker: its queue, the cursors of its vacants and what it found. */
    private static final class Worker implements Runnable {

        private final StoredEventDecoder decoder;
        private final BlockingQueue<List<StoredEvent>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES_PER_WORKER);
        private final Map<String, ChainVerifier> cursors = new HashMap<>();
        private final List<VerificationFailure> failures = new ArrayList<>();
        private long verified;
        private long skipped;

        Worker(StoredEventDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public void run() {
            try {
                for (List<StoredEvent> batch = queue.take(); batch != END; batch = queue.take()) {
                    batch.forEach(this::verify);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void verify(StoredEvent row) {
            if (StoredEventDecoder.familyOf(row).isEmpty()) {
                skipped++;
                return;
            }
            RowCheck check = decoder.check(row);
            failures.addAll(check.failures());
            check.chainEntry().ifPresent(entry -> {
                ChainVerifier cursor = cursors.computeIfAbsent(row.aggregateIdentifier(), ChainVerifier::new);
                failures.addAll(cursor.accept(entry));
                verified++;
            });
        }
    }
}
