package dev.vacant.infra.persistence;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event storage engine, answering "nothing new" without a query when it knows there is nothing.
 * <p>
 * The embedded event store's producer reads the store after every commit, and reads it once more right after any
 * read that found events; every read ends with a batch that came back empty, followed by Axon's check for events
 * beyond a gap. So the read right after finds nothing, in two queries and a transaction: under command load, more
 * than one statement per command ({@code docs/performance.md}, "Session 9"). This engine remembers its newest empty
 * batch (the token it read after, and how many commits of appended events this node had seen before the read) and
 * answers a read from that same token with nothing, without a query, while no commit of this node has come since and
 * less than {@code window} has passed. A commit of this node always makes the next read query the store; events
 * another node appends are read as before: at the producer's next wake-up (a commit here, or its periodic one).
 */
public final class TailAwareStorageEngine extends JdbcEventStorageEngine {

    /** The newest empty batch: nothing after {@code token} as of {@code commits}, read at {@code nanoTime}. */
    private record EmptyTail(TrackingToken token, long commits, long nanoTime) {
    }

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong readsAnswered = new AtomicLong();
    private final long windowNanos;
    private volatile EmptyTail tail;

    /**
     * @param builder Axon's engine settings
     * @param windowMillis how long an empty batch answers a read from its token (well below the producer's periodic
     *                     wake-up: a second)
     */
    public TailAwareStorageEngine(Builder builder, long windowMillis) {
        super(builder);
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
    }

    /** Reads answered with nothing, without a query, since start. */
    public long readsAnsweredWithoutQuery() {
        return readsAnswered.get();
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken token, boolean mayBlock) {
        EmptyTail known = tail;
        if (known != null && Objects.equals(known.token(), token) && known.commits() == commits.get()
                && System.nanoTime() - known.nanoTime() < windowNanos) {
            readsAnswered.incrementAndGet();
            return Stream.empty();
        }
        return super.readEventData(token, mayBlock);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long committedBefore = commits.get();
        long readAt = System.nanoTime();
        List<? extends TrackedEventData<?>> batch = super.fetchTrackedEvents(lastToken, batchSize);
        if (batch.isEmpty()) {
            tail = new EmptyTail(lastToken, committedBefore, readAt);
        }
        return batch;
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
