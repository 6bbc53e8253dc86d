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
 * This engine remembers the newest read that reached the tail of what this node has written, as the token it ended
 * at and how many commits of appended events this node had counted before it: an empty batch, or a batch whose window
 * (Axon reads the {@code batchSize} global indexes after the token, and the token's gaps) reached the highest index
 * this node's inserts had been given ({@link AppendedPositions#highestAppended()}) when the read began. A read from
 * that same token is answered with nothing, without a query, while no commit of this node has come since and less
 * than {@code window} has passed: each event this node committed before the read lay inside its window, and each it
 * commits later counts a commit first. A commit of this node always makes the next read query the store; events
 * another node appends are read as before: at the producer's next wake-up (a commit here, or its periodic one).
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
        long highestBefore = appended.highestAppended();
        List<? extends TrackedEventData<?>> batch = super.fetchTrackedEvents(lastToken, batchSize);
        if (batch.isEmpty()) {
            tail = new Tail(lastToken, committedBefore, readAt);
        } else if (highestBefore <= indexOf(lastToken) + batchSize) {
            tail = new Tail(batch.get(batch.size() - 1).trackingToken(), committedBefore, readAt);
        }
        return batch;
    }

    private static long indexOf(TrackingToken token) {
        return token == null ? -1 : ((GapAwareTrackingToken) token).getIndex();
    }

    /** The embedded event store over this engine: it counts each commit of appended events before waking readers. */
    public static final class Store extends EmbeddedEventStore {

        private final TailAwareStorageEngine engine;

        /** @param builder the store's settings; its storage engine must be {@code engine} */
        public Store(Builder builder, TailAwareStorageEngine engine) {
            super(builder.storageEngine(engine));
            this.engine = engine;
        }

        @Override
        protected void afterCommit(List<? extends EventMessage<?>> events) {
            engine.commits.incrementAndGet();
            super.afterCommit(events);
        }
    }
}
