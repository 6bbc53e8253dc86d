package dev.vacant.infra.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server-streaming watches ({@code WatchVacant}, {@code WatchLane}): each polls its {@link Source} on one shared
 * thread every {@code vacant.grpc.watch-interval} and sends what arrived, in order. A watch ends when its client
 * cancels (its polling stops at once) or when the server stops ({@link #close()}: polling stops, then every open
 * stream ends {@code UNAVAILABLE}, the standard "retry elsewhere or later"); a failed poll ends it with its error.
 */
public final class GrpcWatches implements AutoCloseable {

    /** What a watch sends: each poll answers the items that arrived since the previous poll, in order. */
    @FunctionalInterface
    public interface Source<T> {
        List<T> poll();
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "grpc-watches");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration interval;
    private final Set<Watch<?>> open = ConcurrentHashMap.newKeySet();

    public GrpcWatches(Duration interval) {
        this.interval = interval;
    }

    /** Streams {@code source} to the caller of a server-streaming call until it cancels or the server stops. */
    public <T> void open(StreamObserver<T> observer, Source<T> source) {
        Watch<T> watch = new Watch<>((ServerCallStreamObserver<T>) observer, source);
        watch.call.setOnCancelHandler(watch::end);
        open.add(watch);
        watch.future = scheduler.scheduleWithFixedDelay(watch, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The number of open watches. */
    public int openWatches() {
        return open.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Watch<?> watch : open) {
            watch.end();
            watch.call.onError(Status.UNAVAILABLE.withDescription("the server is shutting down").asRuntimeException());
        }
    }

    private final class Watch<T> implements Runnable {

        private final ServerCallStreamObserver<T> call;
        private final Source<T> source;
        private volatile Future<?> future;
        private volatile boolean ended;

        private Watch(ServerCallStreamObserver<T> call, Source<T> source) {
            this.call = call;
            this.source = source;
        }

        @Override
        public void run() {
            if (ended || call.isCancelled()) {
                end();
                return;
            }
            try {
                source.poll().forEach(call::onNext);
            } catch (RuntimeException e) {
                end();
                if (!call.isCancelled()) {
                    call.onError(GrpcErrors.toStatus(e));
                }
            }
        }

        private void end() {
            ended = true;
            open.remove(this);
            Future<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
