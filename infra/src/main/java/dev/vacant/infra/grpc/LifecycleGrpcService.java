package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.reply;

import dev.vacant.grpc.lifecycle.v1.LifecycleGrpc;
import dev.vacant.grpc.lifecycle.v1.TransitionTable;
import dev.vacant.grpc.lifecycle.v1.TransitionsRequest;
import dev.vacant.infra.web.lifecycle.TransitionTableResponse;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

/** {@code vacant.lifecycle.v1.Lifecycle}: the transition table, public like its REST twin. */
@Component
public class LifecycleGrpcService extends LifecycleGrpc.LifecycleImplBase implements GrpcApi {

    private final TransitionTable table;

    public LifecycleGrpcService(ProtoJson json) {
        this.table = json.write(TransitionTableResponse.fromKernel(), TransitionTable.newBuilder());
    }

    @Override
    public boolean requiresToken() {
        return false;
    }

    @Override
    public void transitions(TransitionsRequest request, StreamObserver<TransitionTable> observer) {
        reply(observer, table);
    }
}
