package dev.vacant.infra.persistence;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event storage engine, answering "nothing new" without a query when it knows there is nothing.
 * <p>
 * The embedded event store's producer reads the store after every commit, and reads it once more right after any
 * read that found events; and every read of Axon's goes on until a batch comes back empty, followed by Axon's check
 * for events beyond a gap. So each wake-up ends with a read that finds nothing, in two queries and a transaction:
 * under command load, more than one statement per command ({@code docs/performance.md}, "Sessions 9 and 10").
 * <p>
 * This engine remembers the newest read that reached the tail, as the token it ended at and how many commits of
 * appended events this node had counted before it: an empty batch (after Axon's gap check, nothing was there), or a
 * batch short of {@code batchSize} whose last event is the newest this node had committed when the read began
 * ({@link AppendedPositions#highestCommitted()}): every event this node committed before the read was visible to it,
 * and the batch ended there, with room for more. A read from that same token is answered with nothing, without a
 * query, while no commit of this node has come since and less than {@code window} has passed; each event this node
 * commits later counts a commit first. A batch that ends at another writer's event is never the tail, so a node
 * reading another node's (or an earlier run's) events reads on as Axon does. A commit of this node always makes the
 * next read query the store; events another node appends are read as before: at the producer's next wake-up (a
 * commit here, or its periodic one).
 */
public final class TailAwareStorageEngine extends JdbcEventStorageEngine {

    /** The newest read that reached the tail: nothing after {@code token} as of {@code commits}, at {@code nanoTime}. */
    private record Tail(TrackingToken token, long commits, long nanoTime) {
    }

    private final AppendedPositions appended;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong readsAnswered = new AtomicLong();
    private final long windowNanos;
    private volatile Tail tail;

    /**
     * @param builder Axon's engine settings; its inserts are {@code appended}'s
     * @param appended the positions this node's inserts are given
     * @param windowMillis how long a read that reached the tail answers a read from its end (well below the
     *                     producer's periodic wake-up: a second)
     */
    public TailAwareStorageEngine(Builder builder, AppendedPositions appended, long windowMillis) {
        super(builder.appendEvents(appended));
        this.appended = appended;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
    }

    /** Reads answered with nothing, without a query, since start. */
    public long readsAnsweredWithoutQuery() {
        return readsAnswered.get();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long committedBefore = commits.get();
        long readAt = System.nanoTime();
        Tail known = tail;
        if (known != null && Objects.equals(known.token(), lastToken) && known.commits() == committedBefore
                && readAt - known.nanoTime() < windowNanos) {
            readsAnswered.incrementAndGet();
            return List.of();
        }
        long newestCommitted = appended.highestCommitted();
        List<? extends TrackedEventData<?>> batch = super.fetchTrackedEvents(lastToken, batchSize);
        if (batch.isEmpty()) {
            tail = new Tail(lastToken, committedBefore, readAt);
        } else if (batch.size() < batchSize) {
            TrackingToken last = batch.get(batch.size() - 1).trackingToken();
            if (((GapAwareTrackingToken) last).getIndex() == newestCommitted) {
                tail = new Tail(last, committedBefore, readAt);
            }
        }
        return batch;
    }

    /**
     * The embedded event store over this engine: it notes each commit of appended events (their positions, then the
     * count) before waking readers.
     */
    public static final class Store extends EmbeddedEventStore {

        private final TailAwareStorageEngine engine;

        /** @param builder the store's settings; its storage engine must be {@code engine} */
        public Store(Builder builder, TailAwareStorageEngine engine) {
            super(builder.storageEngine(engine));
            this.engine = engine;
        }

        @Override
        protected void afterCommit(List<? extends EventMessage<?>> events) {
            engine.appended.committed(events);
            engine.commits.incrementAndGet();
            super.afterCommit(events);
        }
    }
}
