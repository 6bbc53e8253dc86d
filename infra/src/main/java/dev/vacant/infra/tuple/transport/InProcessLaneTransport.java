package dev.vacant.infra.tuple.transport;

import dev.vacant.command.tuple.gateway.LaneTransport;
import dev.vacant.command.tuple.space.EncodedReply;
import dev.vacant.command.tuple.space.LaneWorker;
import dev.vacant.command.tuple.space.TupleReply;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.tuple.TupleOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: one queue per lane, drained on a shared thread pool by at most one task at a time, so ops
 * of a lane are applied in send order while different lanes run in parallel. A drain applies what queued up on
 * the lane meanwhile (at most {@link #MAX_BATCH} ops) as one batch, i.e. one transaction. Replies go straight to
 * {@link PendingReplies}.
 */
public final class InProcessLaneTransport implements LaneTransport {

    /** The largest batch, as Kafka's default {@code max.poll.records}. */
    static final int MAX_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(InProcessLaneTransport.class);

    private final Executor pool;
    private final PendingReplies replies;
    private final Map<String, LaneQueue> lanes = new ConcurrentHashMap<>();
    private LaneWorker worker;

    public InProcessLaneTransport(Executor pool, PendingReplies replies) {
        this.pool = pool;
        this.replies = replies;
    }

    /**
     * Connects the worker (which delivers into the same {@link PendingReplies}); it owns every lane, so it resumes
     * every persisted waiter (those of a previous run included).
     */
    public void bind(LaneWorker laneWorker) {
        this.worker = laneWorker;
        laneWorker.resumeWaiters(lane -> true);
    }

    @Override
    public CompletableFuture<TupleReply> send(TupleOp op) {
        CompletableFuture<TupleReply> reply = replies.await(op.opId());
        lanes.computeIfAbsent(op.lane(), lane -> new LaneQueue()).add(op);
        return reply;
    }

    /** Ops sent and not yet taken into a batch, over all lanes. */
    public long backlog() {
        return lanes.values().stream().mapToLong(LaneQueue::size).sum();
    }

    private void apply(List<TupleOp> batch) {
        try {
            worker.apply(batch);
        } catch (RuntimeException e) {
            log.error("Lane {} failed to apply a batch of {} ops", batch.get(0).lane(), batch.size(), e);
            batch.forEach(op -> replies.deliver(EncodedReply.of(TupleReply.rejected(op.opId(),
                    new VacantException(ErrorCode.INTERNAL, "the op could not be applied")))));
        }
    }

    /** A lane's ops not applied yet; while any are queued, one drain task is scheduled or running. */
    private final class LaneQueue {
        private final ArrayDeque<TupleOp> queued = new ArrayDeque<>();
        private boolean draining;

        synchronized int size() {
            return queued.size();
        }

        synchronized void add(TupleOp op) {
            queued.add(op);
            if (!draining) {
                draining = true;
                pool.execute(this::drain);
            }
        }

        private void drain() {
            apply(next());
            synchronized (this) {
                if (queued.isEmpty()) {
                    draining = false;
                } else {
                    pool.execute(this::drain);
                }
            }
        }

        private synchronized List<TupleOp> next() {
            List<TupleOp> batch = new ArrayList<>(Math.min(queued.size(), MAX_BATCH));
            while (!queued.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(queued.poll());
            }
            return batch;
        }
    }
}
