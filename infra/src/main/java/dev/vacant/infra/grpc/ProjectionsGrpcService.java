package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.reply;

import dev.vacant.grpc.projections.v1.DeadLetterList;
import dev.vacant.grpc.projections.v1.DeadLettersRequest;
import dev.vacant.grpc.projections.v1.ListProjectionsRequest;
import dev.vacant.grpc.projections.v1.Processors;
import dev.vacant.grpc.projections.v1.ProjectionReset;
import dev.vacant.grpc.projections.v1.ProjectionsGrpc;
import dev.vacant.grpc.projections.v1.ResetProjectionRequest;
import dev.vacant.grpc.projections.v1.RetryDeadLetterRequest;
import dev.vacant.grpc.projections.v1.RetryOutcome;
import dev.vacant.infra.projection.ProjectionAdministration;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

/** {@code vacant.projections.v1.Projections}: the gRPC twin of the projection administration ({@link ProjectionAdministration}, operators only). */
@Component
public class ProjectionsGrpcService extends ProjectionsGrpc.ProjectionsImplBase implements GrpcApi {

    private final ProjectionAdministration projections;
    private final ProtoJson json;

    public ProjectionsGrpcService(ProjectionAdministration projections, ProtoJson json) {
        this.projections = projections;
        this.json = json;
    }

    @Override
    public void list(ListProjectionsRequest request, StreamObserver<Processors> observer) {
        reply(observer, json.write(projections.processors(GrpcAuthInterceptor.actor()), Processors.newBuilder()));
    }

    @Override
    public void deadLetters(DeadLettersRequest request, StreamObserver<DeadLetterList> observer) {
        reply(observer, json.write(projections.deadLetters(GrpcAuthInterceptor.actor()), DeadLetterList.newBuilder()));
    }

    @Override
    public void retryDeadLetter(RetryDeadLetterRequest request, StreamObserver<RetryOutcome> observer) {
        reply(observer, json.write(projections.retry(GrpcAuthInterceptor.actor(), request.getId()), RetryOutcome.newBuilder()));
    }

    @Override
    public void reset(ResetProjectionRequest request, StreamObserver<ProjectionReset> observer) {
        reply(observer, json.write(projections.reset(GrpcAuthInterceptor.actor(), request.getName()),
                ProjectionReset.newBuilder()));
    }
}
