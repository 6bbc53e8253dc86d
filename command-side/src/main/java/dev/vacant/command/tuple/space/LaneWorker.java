package dev.vacant.command.tuple.space;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleOp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies ops in order per lane against the {@link TupleStore}, whatever the transport.
 * <ul>
 *   <li>A batch of ops (what queued up on a lane in-process, one poll's records on Kafka) is applied in one
 *       transaction, which also records each op's reply under its {@code op_id}; a redelivered op is answered
 *       from the stored reply and not applied again. Replies are delivered after the commit.</li>
 *   <li>Redeliveries are rare, so a batch is first applied as if its ops were new, without looking their
 *       replies up (the lookup cost a fifth of a batch): an op applied before then records its reply a second
 *       time, which fails the transaction ({@link TupleStore.AppliedBefore}), and the batch is applied again
 *       with every stored reply looked up. An {@code in} about to wait records no reply, so it is looked up
 *       alone first.</li>
 *   <li>A take whose tuple another worker of the lane took first (another instance on the same database) rolls the
 *       batch back, and the batch is applied again (bounded).</li>
 *   <li>A blocking {@code in} with nothing to take becomes a per-lane FIFO waiter, so the lane goes on; an
 *       {@code out} matching a waiter is handed to the oldest matching one directly (never stored); a waiter
 *       whose deadline (injected clock) passed gets an empty reply ({@link #expireWaiters}).</li>
 *   <li>Waiters are persisted in the transaction that starts them and deleted in the one that answers them;
 *       memory holds a copy for the lanes this worker owns. A new owner {@link #resumeWaiters resumes} them, the
 *       old one {@link #forgetWaiters forgets} them. Answering a waiter deletes its row first: one whose row is
 *       gone was answered by another owner and is dropped. Waiters belong to the worker's <em>deployment</em>
 *       (the workers sharing one stream of ops): workers of another deployment on the same database never
 *       resume them.</li>
 *   <li>Rejected ops ({@link VacantException}) write nothing and are answered with their code.</li>
 *   <li>An op whose op id has a stored reply (or a waiting {@code in}) for an op of other content
 *       ({@link TupleReply#answers}) is answered {@code CONFLICT} and not applied.</li>
 * </ul>
 * Each lane's waiters are guarded by the lane's lock; a batch locks its lanes in name order.
 */
public final class LaneWorker {

    /** The most attempts at one batch. */
    private static final int ATTEMPTS = 10;
    /** The longest random pause, in milliseconds, before a batch that lost a take to another worker runs again. */
    private static final int MAX_PAUSE_MILLIS = 20;

    private final TupleSpace space;
    private final TupleStore store;
    private final ReplySink replies;
    private final String deployment;
    private final Map<String, LaneState> lanes = new ConcurrentHashMap<>();

    public LaneWorker(TupleSpace space, TupleStore store, ReplySink replies, String deployment) {
        this.space = space;
        this.store = store;
        this.replies = replies;
        this.deployment = deployment;
    }

    private static final class LaneState {
        final ReentrantLock lock = new ReentrantLock();
        volatile ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    }

    /** Applies {@code ops} (in order) in one transaction and delivers their replies. */
    public void apply(List<TupleOp> ops) {
        TreeSet<String> names = new TreeSet<>();
        ops.forEach(op -> names.add(op.lane()));
        List<LaneState> locked = new ArrayList<>();
        names.forEach(name -> {
            LaneState state = lanes.computeIfAbsent(name, n -> new LaneState());
            state.lock.lock();
            locked.add(state);
        });
        try {
            applyUntilCommitted(ops, names).forEach(replies::deliver);
        } finally {
            locked.forEach(state -> state.lock.unlock());
        }
    }

    /**
     * Applies a batch, again (at most {@value #ATTEMPTS} attempts) when an op was applied before (then with the
     * stored replies looked up) or a take lost its tuple to another worker of the lane, such as another instance on
     * the same database ({@link ConcurrentModificationException}: the retry reads the lane again, after a random pause
     * of up to 2^attempt and at most {@value #MAX_PAUSE_MILLIS} ms, so that two workers racing for the same tuples
     * fall out of step instead of losing to each other again).
     */
    private List<EncodedReply> applyUntilCommitted(List<TupleOp> ops, TreeSet<String> names) {
        boolean lookedUp = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return applyInTransaction(ops, names, lookedUp);
            } catch (TupleStore.AppliedBefore redelivered) {
                if (attempt >= ATTEMPTS) {
                    throw redelivered;
                }
                lookedUp = true;
            } catch (ConcurrentModificationException lost) {
                if (attempt >= ATTEMPTS || !pausedBeforeRetry(attempt)) {
                    throw lost;
                }
            }
        }
    }

    /** Sleeps a random pause before attempt {@code attempt + 1}; false if interrupted (the flag is kept). */
    private static boolean pausedBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(Math.min(MAX_PAUSE_MILLIS, 1 << attempt) + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * One attempt at a batch, its lanes locked: with {@code lookedUp}, the stored replies of its ops are read first.
     * A failed attempt leaves the lanes' waiters as they were.
     */
    private List<EncodedReply> applyInTransaction(List<TupleOp> ops, TreeSet<String> names, boolean lookedUp) {
        Map<String, ArrayDeque<Waiter>> before = new HashMap<>();
        names.forEach(name -> before.put(name, new ArrayDeque<>(lanes.get(name).waiters)));
        try {
            return store.inTransaction(() -> {
                store.readAhead(names, space.now());
                Answers answers = lookedUp
                        ? new Answers(store.replies(ops.stream().map(TupleOp::opId).toList()), true)
                        : new Answers(Map.of(), false);
                ops.forEach(op -> applyOne(op, lanes.get(op.lane()), answers));
                return answers.delivered;
            });
        } catch (RuntimeException e) {
            before.forEach((name, waiters) -> lanes.get(name).waiters = waiters);
            throw e;
        }
    }

    /** Answers empty every waiter whose deadline passed. */
    public void expireWaiters() {
        lanes.forEach(this::expire);
    }

    /**
     * Takes over the persisted waiters of the lanes it now owns (on start, on partition assignment), oldest
     * first, in place of the copies it held for them.
     */
    public void resumeWaiters(Predicate<String> owned) {
        forgetWaiters(owned);
        store.waiters(deployment).stream().filter(waiter -> owned.test(waiter.op().lane())).forEach(waiter ->
                locked(lanes.computeIfAbsent(waiter.op().lane(), n -> new LaneState()),
                        state -> state.waiters.addLast(waiter)));
    }

    /** Drops its copies of the waiters of lanes it no longer owns; they stay persisted for the next owner. */
    public void forgetWaiters(Predicate<String> lost) {
        lanes.forEach((name, state) -> {
            if (lost.test(name)) {
                locked(state, s -> s.waiters.clear());
            }
        });
    }

    private static void locked(LaneState state, Consumer<LaneState> change) {
        state.lock.lock();
        try {
            change.accept(state);
        } finally {
            state.lock.unlock();
        }
    }

    private void expire(String lane, LaneState state) {
        if (state.waiters.isEmpty()) {
            return;
        }
        locked(state, s -> {
            Instant now = space.now();
            List<Waiter> due = s.waiters.stream().filter(w -> w.dueAt(now)).toList();
            if (due.isEmpty()) {
                return;
            }
            List<EncodedReply> answered = store.inTransaction(() -> {
                Answers answers = new Answers(Map.of(), true);
                due.stream().filter(w -> store.deleteWaiter(w.op().opId()))
                        .forEach(w -> answers.record(w.op(), new TupleResult.Single(null)));
                return answers.delivered;
            });
            s.waiters.removeAll(due);
            answered.forEach(replies::deliver);
        });
    }

    private void applyOne(TupleOp op, LaneState lane, Answers answers) {
        EncodedReply stored = answers.recorded.get(op.opId());
        if (stored != null) {
            answers.delivered.add(stored.reply().answers(op) ? stored : reused(op));
            return;
        }
        Optional<Waiter> waiting = lane.waiters.stream().filter(w -> w.op().opId().equals(op.opId())).findFirst();
        if (waiting.isPresent()) {
            if (!TupleCodec.digest(waiting.get().op()).equals(TupleCodec.digest(op))) {
                answers.delivered.add(reused(op));
            }
            return; // else a redelivered in that is still waiting
        }
        try {
            if (op instanceof TupleOp.Guarded guarded) {
                space.guard(guarded);
            }
            if (op instanceof TupleOp.In in) {
                take(in, lane, answers);
            } else if (op instanceof TupleOp.Out put) {
                write(put, lane, answers);
            } else {
                answers.record(op, effect(op));
            }
        } catch (VacantException rejected) {
            answers.delivered.add(EncodedReply.of(TupleReply.rejected(op.opId(), rejected)));
        }
    }

    private void take(TupleOp.In in, LaneState lane, Answers answers) {
        Optional<Tuple> taken = space.take(in);
        if (taken.isEmpty() && in.timeoutMs() > 0) {
            Optional<EncodedReply> answeredBefore = answers.storedReply(in.opId());
            if (answeredBefore.isPresent()) {
                answers.delivered.add(answeredBefore.get().reply().answers(in) ? answeredBefore.get() : reused(in));
                return;
            }
            Waiter waiter = new Waiter(in, space.now().plusMillis(in.timeoutMs()));
            store.insertWaiter(deployment, waiter);
            lane.waiters.addLast(waiter);
            return;
        }
        answers.record(in, new TupleResult.Single(taken.orElse(null)));
    }

    private void write(TupleOp.Out put, LaneState lane, Answers answers) {
        Tuple tuple = space.newTuple(put);
        Instant now = space.now();
        for (Iterator<Waiter> it = lane.waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (!waiter.dueAt(now) && waiter.op().template().matches(tuple)) {
                it.remove();
                if (!store.deleteWaiter(waiter.op().opId())) {
                    continue;
                }
                answers.record(put, new TupleResult.Single(tuple));
                answers.record(waiter.op(), new TupleResult.Single(space.taken(tuple, waiter.op().opId())));
                return;
            }
        }
        answers.record(put, space.store(tuple));
    }

    /** The answer to an op whose op id already stands for another op (of the same principal). */
    private static EncodedReply reused(TupleOp op) {
        return EncodedReply.of(TupleReply.rejected(op.opId(), new VacantException(ErrorCode.CONFLICT,
                "op_id was used before for a different op")));
    }

    private TupleResult effect(TupleOp op) {
        if (op instanceof TupleOp.Rd rd) {
            return space.read(rd);
        } else if (op instanceof TupleOp.Scan scan) {
            return space.scan(scan);
        } else if (op instanceof TupleOp.RoutePacket route) {
            return space.routePacket(route);
        } else if (op instanceof TupleOp.Hookwall wall) {
            return space.hookwall(wall);
        } else if (op instanceof TupleOp.SpawnAgent spawn) {
            return space.spawnAgent(spawn);
        } else if (op instanceof TupleOp.BatchSpawn batch) {
            return space.batchSpawn(batch);
        } else if (op instanceof TupleOp.Materialize materialize) {
            return space.materialize(materialize);
        } else if (op instanceof TupleOp.Compress compress) {
            return space.compress(compress);
        } else if (op instanceof TupleOp.Restore restore) {
            return space.restore(restore);
        } else if (op instanceof TupleOp.PruneIdle prune) {
            return space.pruneIdle(prune);
        } else if (op instanceof TupleOp.Snapshot) {
            return space.snapshot();
        }
        throw new IllegalArgumentException("unknown op " + op.getClass().getSimpleName());
    }

    /**
     * The replies of one transaction: those to deliver after the commit, and every recorded one by op id (recorded
     * in this transaction, or stored before when they were looked up), which answers an op seen again.
     */
    private final class Answers {
        final Map<String, EncodedReply> recorded;
        final List<EncodedReply> delivered = new ArrayList<>();
        private final boolean lookedUp;

        /** @param lookedUp whether {@code stored} holds the stored reply of every op of the batch that has one */
        Answers(Map<String, EncodedReply> stored, boolean lookedUp) {
            this.recorded = new HashMap<>(stored);
            this.lookedUp = lookedUp;
        }

        /** The stored reply of an op of the batch that records none (a waiter), looked up now if not yet. */
        Optional<EncodedReply> storedReply(String opId) {
            return lookedUp ? Optional.empty() : Optional.ofNullable(store.replies(List.of(opId)).get(opId));
        }

        void record(TupleOp op, TupleResult result) {
            EncodedReply reply = EncodedReply.of(TupleReply.ok(op, result));
            store.recordReply(op.lane(), reply, space.now());
            recorded.put(op.opId(), reply);
            delivered.add(reply);
        }
    }
}
