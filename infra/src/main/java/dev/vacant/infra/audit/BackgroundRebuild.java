package dev.vacant.infra.audit;

import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.audit.StoredEventDecoder;
import dev.vacant.kernel.event.SignedEvent;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.query.audit.ScratchProjections;
import dev.vacant.query.projection.EventPosition;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Audit replay's projection rebuild on a thread of its own, so that it overlaps reading and verifying the store
 * instead of holding them up: the reader hands it every batch of stored rows, in global order, through a bounded
 * queue; the thread decodes the rows that hold Vacant events (the verifier reports the others) and applies them to
 * the {@link ScratchProjections} in that order. Reading waits only when the rebuild is {@link #QUEUED_BATCHES}
 * batches behind. {@link #finish} waits for the last batch (the scratch projections are then the caller's again);
 * {@link #close} stops the thread and waits for it, so close it before the scratch projections.
 */
final class BackgroundRebuild implements AutoCloseable {

    private static final int QUEUED_BATCHES = 8;
    /** The end-of-stream marker, compared by identity. */
    private static final List<StoredEvent> END = Collections.unmodifiableList(new ArrayList<>());

    private final ScratchProjections scratch;
    private final BlockingQueue<List<StoredEvent>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread rebuild = new Thread(task, "audit-rebuild");
        rebuild.setDaemon(true);
        return rebuild;
    });
    private final Future<Void> running;

    BackgroundRebuild(ScratchProjections scratch) {
        this.scratch = scratch;
        this.running = thread.submit(this::run);
    }

    /** Queues the next rows of the store (in global order); fails at once if the rebuild has failed. */
    void accept(List<StoredEvent> batch) throws SQLException {
        enqueue(batch);
    }

    /** Waits until every queued row is applied; the rebuild's failure, if it failed. */
    void finish() throws SQLException {
        enqueue(END);
        await();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Void run() throws SQLException, InterruptedException {
        for (List<StoredEvent> batch = queue.take(); batch != END; batch = queue.take()) {
            for (StoredEvent row : batch) {
                Optional<SignedEvent> event = StoredEventDecoder.standard().decode(row);
                if (event.isPresent() && event.get() instanceof VacantEvent vacantEvent) {
                    scratch.apply(vacantEvent, new EventPosition(row.globalIndex()));
                }
            }
        }
        return null;
    }

    private void enqueue(List<StoredEvent> batch) throws SQLException {
        try {
            while (running.isDone() || !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (running.isDone()) {
                    await();
                    throw new CancellationException("projection rebuild stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("projection rebuild interrupted");
        }
    }

    private void await() throws SQLException {
        try {
            running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("projection rebuild interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the projection rebuild failed", e.getCause());
        }
    }
}
