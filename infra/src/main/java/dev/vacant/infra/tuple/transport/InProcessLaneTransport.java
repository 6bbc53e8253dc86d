package dev.vacant.infra.tuple.transport;

import dev.vacant.infra.tuple.space.EncodedReply;
import dev.vacant.infra.tuple.space.LaneWorker;
import dev.vacant.infra.tuple.space.TupleReply;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.tuple.TupleOp;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: one ordered (serial) executor per lane over a shared thread pool, so ops of a lane
 * run one after another in send order while different lanes run in parallel. Replies go straight to
 * {@link PendingReplies}.
 */
public final class InProcessLaneTransport implements LaneTransport {

    private static final Logger log = LoggerFactory.getLogger(InProcessLaneTransport.class);

    private final Executor pool;
    private final PendingReplies replies;
    private final Map<String, SerialExecutor> lanes = new ConcurrentHashMap<>();
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
        lanes.computeIfAbsent(op.lane(), lane -> new SerialExecutor(pool)).execute(() -> {
            try {
                worker.apply(List.of(op));
            } catch (RuntimeException e) {
                log.error("Lane {} failed to apply op {}", op.lane(), op.opId(), e);
                replies.deliver(EncodedReply.of(TupleReply.rejected(op.opId(),
                        new VacantException(ErrorCode.INTERNAL, "the op could not be applied"))));
            }
        });
        return reply;
    }

    /** Runs its tasks one at a time, in submission order, on the shared pool. */
    private static final class SerialExecutor implements Executor {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private final Executor pool;
        private Runnable active;

        SerialExecutor(Executor pool) {
            this.pool = pool;
        }

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(() -> {
                try {
                    task.run();
                } finally {
                    scheduleNext();
                }
            });
            if (active == null) {
                scheduleNext();
            }
        }

        private synchronized void scheduleNext() {
            active = tasks.poll();
            if (active != null) {
                pool.execute(active);
            }
        }
    }
}
