package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.reply;

import dev.vacant.grpc.audit.v1.AuditGrpc;
import dev.vacant.grpc.audit.v1.AuditJob;
import dev.vacant.grpc.audit.v1.AuditJobList;
import dev.vacant.grpc.audit.v1.GetReplayRequest;
import dev.vacant.grpc.audit.v1.ListReplaysRequest;
import dev.vacant.grpc.audit.v1.StartReplayRequest;
import dev.vacant.infra.audit.AuditController;
import dev.vacant.infra.audit.AuditController.AuditRequest;
import dev.vacant.infra.audit.AuditReplays;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

/** {@code vacant.audit.v1.Audit}: the gRPC twin of the audit replay jobs (the REST request and list records, {@link AuditReplays}). */
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
        reply(observer, json.write(replays.start(GrpcAuthInterceptor.actor(),
                json.read(request, AuditRequest.class).toCheckpoint()), AuditJob.newBuilder()));
    }

    @Override
    public void getReplay(GetReplayRequest request, StreamObserver<AuditJob> observer) {
        reply(observer, json.write(replays.get(GrpcAuthInterceptor.actor(), request.getJob()), AuditJob.newBuilder()));
    }

    @Override
    public void listReplays(ListReplaysRequest request, StreamObserver<AuditJobList> observer) {
        reply(observer, json.write(new AuditController.AuditJobList(replays.recent(GrpcAuthInterceptor.actor())),
                AuditJobList.newBuilder()));
    }
}
