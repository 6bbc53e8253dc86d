package dev.vacant.infra.grpc;

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

    private static String text(String value) {
        return value.isEmpty() ? null : value;
    }

    @Override
    public void lineage(LineageRequest request, StreamObserver<LineageAnswer> observer) {
        observer.onNext(json.write(lineage.lineage(GrpcAuthInterceptor.actor(), request.getId(),
                text(request.getDirection()), text(request.getFormat()),
                request.hasDepth() ? request.getDepth() : null, request.hasPage() ? request.getPage() : null,
                request.hasSize() ? request.getSize() : null, text(request.getAfter()),
                request.hasPosition() ? request.getPosition() : null, text(request.getConsistency())),
                LineageAnswer.newBuilder()));
        observer.onCompleted();
    }
}
