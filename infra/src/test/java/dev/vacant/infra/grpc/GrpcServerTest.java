package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.grpc.lifecycle.v1.LifecycleGrpc;
import dev.vacant.grpc.lifecycle.v1.TransitionTable;
import dev.vacant.grpc.lifecycle.v1.TransitionsRequest;
import dev.vacant.grpc.lineage.v1.LineageAnswer;
import dev.vacant.grpc.lineage.v1.LineageGrpc;
import dev.vacant.grpc.lineage.v1.LineageRequest;
import dev.vacant.infra.grpc.client.GrpcClients;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The server's threads: a call that never waits runs where it arrives, every other call on the handler pool. */
class GrpcServerTest {

    /** Answers the transition table, remembering the thread it ran on; declared non-blocking. */
    static final class NonBlocking extends LifecycleGrpc.LifecycleImplBase implements GrpcApi {
        final AtomicReference<String> thread = new AtomicReference<>();

        @Override
        public boolean requiresToken() {
            return false;
        }

        @Override
        public Set<String> nonBlockingMethods() {
            return Set.of(LifecycleGrpc.getTransitionsMethod().getFullMethodName());
        }

        @Override
        public void transitions(TransitionsRequest request, StreamObserver<TransitionTable> observer) {
            thread.set(Thread.currentThread().getName());
            GrpcCalls.reply(observer, TransitionTable.getDefaultInstance());
        }
    }

    /** Answers an empty lineage, remembering the thread it ran on. */
    static final class Blocking extends LineageGrpc.LineageImplBase implements GrpcApi {
        final AtomicReference<String> thread = new AtomicReference<>();

        @Override
        public boolean requiresToken() {
            return false;
        }

        @Override
        public void lineage(LineageRequest request, StreamObserver<LineageAnswer> observer) {
            thread.set(Thread.currentThread().getName());
            GrpcCalls.reply(observer, LineageAnswer.getDefaultInstance());
        }
    }

    @Test
    void nonBlockingCalls_runOnTheTransportThread_andTheOthersOnTheHandlerPool() {
        NonBlocking nonBlocking = new NonBlocking();
        Blocking blocking = new Blocking();
        GrpcWatches watches = new GrpcWatches(Duration.ofMillis(20));
        GrpcServer server = new GrpcServer(new GrpcProperties(true, 0, Duration.ofMillis(20), Duration.ofSeconds(2)),
                List.of(nonBlocking, blocking), new GrpcAuthInterceptor(null), watches);
        server.start();
        ManagedChannel channel = GrpcClients.channel("127.0.0.1:" + server.port());
        try {
            LifecycleGrpc.newBlockingStub(channel).transitions(TransitionsRequest.getDefaultInstance());
            LineageGrpc.newBlockingStub(channel).lineage(LineageRequest.getDefaultInstance());
        } finally {
            channel.shutdownNow();
            server.stop();
        }
        assertThat(nonBlocking.thread.get()).as("a transport thread").contains("-worker-ELG-");
        assertThat(blocking.thread.get()).startsWith("grpc-handler-");
    }
}
