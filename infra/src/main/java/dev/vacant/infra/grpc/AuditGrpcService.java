package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.reply;

import dev.vacant.grpc.audit.v1.AuditGrpc;
import dev.vacant.grpc.audit.v1.AuditJob;
import dev.vacant.grpc.audit.v1.GetReplayRequest;
import dev.vacant.grpc.audit.v1.StartReplayRequest;
import dev.vacant.infra.audit.AuditCheckpoint;
import dev.vacant.infra.audit.AuditReplays;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

/** {@code vacant.audit.v1.Audit}: the gRPC twin of the audit replay jobs. */
@Component
public class AuditGrpcService extends AuditGrpc.AuditImplBase implements GrpcApi {

    private final AuditReplays replays;
    private final ProtoJson json;

    public AuditGrpcService(AuditReplays replays, ProtoJson json) {
        this.replays = replays;
        this.json = json;
    }

    @Override
    public void startReplay(StartReplayRequest request, StreamObserver<AuditJob> observer) {
        reply(observer, json.write(replays.start(GrpcAuthInterceptor.actor(), AuditCheckpoint.LATEST), AuditJob.newBuilder()));
    }

    @Override
    public void getReplay(GetReplayRequest request, StreamObserver<AuditJob> observer) {
        reply(observer, json.write(replays.get(GrpcAuthInterceptor.actor(), request.getJob()), AuditJob.newBuilder()));
    }
}
