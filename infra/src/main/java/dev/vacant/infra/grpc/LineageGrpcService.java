package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.orNull;
import static dev.vacant.infra.grpc.GrpcCalls.reply;

import dev.vacant.grpc.lineage.v1.LineageAnswer;
import dev.vacant.grpc.lineage.v1.LineageGrpc;
import dev.vacant.grpc.lineage.v1.LineageRequest;
import dev.vacant.infra.web.lineage.LineageService;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

/** {@code vacant.lineage.v1.Lineage}: the gRPC twin of {@code GET /vacants/{id}/lineage}. */
@Component
public class LineageGrpcService extends LineageGrpc.LineageImplBase implements GrpcApi {

    private final LineageService lineage;
    private final ProtoJson json;

    public LineageGrpcService(LineageService lineage, ProtoJson json) {
        this.lineage = lineage;
        this.json = json;
    }

    @Override
    public void lineage(LineageRequest request, StreamObserver<LineageAnswer> observer) {
        reply(observer, json.write(lineage.lineage(GrpcAuthInterceptor.actor(), request.getId(),
                orNull(request.getDirection()), orNull(request.getFormat()),
                request.hasDepth() ? request.getDepth() : null, request.hasPage() ? request.getPage() : null,
                request.hasSize() ? request.getSize() : null, orNull(request.getAfter()),
                request.hasPosition() ? request.getPosition() : null, orNull(request.getConsistency())),
                LineageAnswer.newBuilder()));
    }
}
