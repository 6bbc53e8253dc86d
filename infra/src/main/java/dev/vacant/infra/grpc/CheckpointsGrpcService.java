package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.orNull;
import static dev.vacant.infra.grpc.GrpcCalls.reply;

import dev.vacant.grpc.checkpoints.v1.Checkpoint;
import dev.vacant.grpc.checkpoints.v1.CheckpointsGrpc;
import dev.vacant.grpc.checkpoints.v1.ConsistencyProof;
import dev.vacant.grpc.checkpoints.v1.ConsistencyRequest;
import dev.vacant.grpc.checkpoints.v1.CosignRequest;
import dev.vacant.grpc.checkpoints.v1.CreateCheckpointRequest;
import dev.vacant.grpc.checkpoints.v1.FirstIncludingRequest;
import dev.vacant.grpc.checkpoints.v1.GetCheckpointRequest;
import dev.vacant.grpc.checkpoints.v1.InclusionProof;
import dev.vacant.grpc.checkpoints.v1.InclusionRequest;
import dev.vacant.grpc.checkpoints.v1.LatestRequest;
import dev.vacant.grpc.checkpoints.v1.MadeCheckpoint;
import dev.vacant.infra.checkpoint.CheckpointAnswers;
import dev.vacant.infra.checkpoint.CheckpointService;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code vacant.checkpoints.v1.Checkpoints}: the gRPC twin of the checkpoint endpoints ({@link CheckpointAnswers},
 * as REST). Checkpoints, consistency proofs and witnesses' cosignatures (checked by signature) are public; inclusion
 * proofs need a token; {@code Create} is for operators.
 */
@Component
public class CheckpointsGrpcService extends CheckpointsGrpc.CheckpointsImplBase implements GrpcApi {

    private static final Set<String> PUBLIC = Set.of(CheckpointsGrpc.getLatestMethod().getFullMethodName(),
            CheckpointsGrpc.getGetMethod().getFullMethodName(), CheckpointsGrpc.getFirstIncludingMethod().getFullMethodName(),
            CheckpointsGrpc.getConsistencyMethod().getFullMethodName(), CheckpointsGrpc.getCosignMethod().getFullMethodName());

    private final CheckpointAnswers answers;
    private final ProtoJson json;

    public CheckpointsGrpcService(CheckpointService checkpoints, ProtoJson json) {
        this.answers = new CheckpointAnswers(checkpoints);
        this.json = json;
    }

    @Override
    public Set<String> publicMethods() {
        return PUBLIC;
    }

    @Override
    public void create(CreateCheckpointRequest request, StreamObserver<MadeCheckpoint> observer) {
        reply(observer, json.write(answers.make(GrpcAuthInterceptor.actor()), MadeCheckpoint.newBuilder()));
    }

    @Override
    public void latest(LatestRequest request, StreamObserver<Checkpoint> observer) {
        reply(observer, json.write(answers.latest(), Checkpoint.newBuilder()));
    }

    @Override
    public void get(GetCheckpointRequest request, StreamObserver<Checkpoint> observer) {
        reply(observer, json.write(answers.at(request.getSize()), Checkpoint.newBuilder()));
    }

    @Override
    public void firstIncluding(FirstIncludingRequest request, StreamObserver<Checkpoint> observer) {
        reply(observer, json.write(answers.firstIncluding(request.getPosition()), Checkpoint.newBuilder()));
    }

    @Override
    public void inclusion(InclusionRequest request, StreamObserver<InclusionProof> observer) {
        reply(observer, json.write(answers.inclusion(orNull(request.getVacant()),
                request.hasSeq() ? request.getSeq() : null, request.hasPosition() ? request.getPosition() : null,
                request.hasSize() ? request.getSize() : null), InclusionProof.newBuilder()));
    }

    @Override
    public void consistency(ConsistencyRequest request, StreamObserver<ConsistencyProof> observer) {
        reply(observer, json.write(answers.consistency(request.getFrom(), request.hasTo() ? request.getTo() : null),
                ConsistencyProof.newBuilder()));
    }

    @Override
    public void cosign(CosignRequest request, StreamObserver<Checkpoint> observer) {
        reply(observer, json.write(answers.cosign(request.getSize(), request.getLine()), Checkpoint.newBuilder()));
    }
}
