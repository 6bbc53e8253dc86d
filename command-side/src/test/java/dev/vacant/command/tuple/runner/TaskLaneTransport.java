package dev.vacant.command.tuple.runner;

import dev.vacant.command.tuple.space.TupleReply;
import dev.vacant.command.tuple.space.TupleResult;
import dev.vacant.command.tuple.gateway.LaneTransport;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.Receipts;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleMap;
import dev.vacant.kernel.tuple.TupleOp;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the lane workers of one execution lane: an {@code in} takes the next queued task tuple (waiting up
 * to its timeout, answering {@code {"tuple": null}} after it), an {@code out} is recorded; the next takes or
 * writes can be made to lose their replies.
 */
final class TaskLaneTransport implements LaneTransport, AutoCloseable {

    static final String LANE = "tasks";

    final BlockingQueue<Tuple> tasks = new LinkedBlockingQueue<>();
    final BlockingQueue<TupleOp.Out> results = new LinkedBlockingQueue<>();
    final List<String> takes = new CopyOnWriteArrayList<>();
    final List<String> writes = new CopyOnWriteArrayList<>();
    private final AtomicInteger lostTakeReplies = new AtomicInteger();
    private final AtomicInteger lostWriteReplies = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool();

    /** Queues a task tuple written by {@code authority}; returns it. */
    Tuple task(Authority authority, String yool, ObjectNode data) {
        UUID id = UUID.randomUUID();
        Tuple tuple = new Tuple(id, yool, TupleMap.of(3, 4), authority.vacant(), LANE, "test", null, null, data,
                List.of(Receipts.of("out", "op", id.toString())), Instant.EPOCH, null);
        tasks.add(tuple);
        return tuple;
    }

    /** The next {@code times} takes fail as if their replies were lost. */
    void loseTakeReplies(int times) {
        lostTakeReplies.set(times);
    }

    /** The next {@code times} writes fail as if their replies were lost. */
    void loseWriteReplies(int times) {
        lostWriteReplies.set(times);
    }

    TupleOp.Out nextResult() throws InterruptedException {
        return results.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletableFuture<TupleReply> send(TupleOp op) {
        boolean take = op instanceof TupleOp.In;
        (take ? takes : writes).add(op.opId());
        if ((take ? lostTakeReplies : lostWriteReplies).getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("reply lost"));
        }
        if (op instanceof TupleOp.In in) {
            return CompletableFuture.supplyAsync(() -> TupleReply.ok(in, new TupleResult.Single(poll(in))),
                    workers);
        }
        results.add((TupleOp.Out) op);
        return CompletableFuture.completedFuture(TupleReply.ok(op, new TupleResult.Single(null)));
    }

    private Tuple poll(TupleOp.In in) {
        try {
            return tasks.poll(in.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
