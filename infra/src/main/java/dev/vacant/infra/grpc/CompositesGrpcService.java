package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.orNull;
import static dev.vacant.infra.grpc.GrpcCalls.reply;

import com.google.protobuf.Struct;
import dev.vacant.grpc.composites.v1.AllowlistRequest;
import dev.vacant.grpc.composites.v1.CardRequest;
import dev.vacant.grpc.composites.v1.ChildRunner;
import dev.vacant.grpc.composites.v1.ChildRunnerRequest;
import dev.vacant.grpc.composites.v1.CompletionRequest;
import dev.vacant.grpc.composites.v1.CompositeView;
import dev.vacant.grpc.composites.v1.CompositesGrpc;
import dev.vacant.grpc.composites.v1.Delegated;
import dev.vacant.grpc.composites.v1.DelegationRequest;
import dev.vacant.grpc.composites.v1.GetCompositeRequest;
import dev.vacant.grpc.composites.v1.Graduated;
import dev.vacant.grpc.composites.v1.GraduationRequest;
import dev.vacant.grpc.composites.v1.OutboundCheckRequest;
import dev.vacant.grpc.composites.v1.OutboundVerdict;
import dev.vacant.grpc.composites.v1.Pair;
import dev.vacant.grpc.composites.v1.RegisterChildRequest;
import dev.vacant.grpc.composites.v1.Registered;
import dev.vacant.grpc.vacants.v1.VacantState;
import dev.vacant.infra.web.composite.CompositeRequests.AllowlistBody;
import dev.vacant.infra.web.composite.CompositeRequests.CompletionBody;
import dev.vacant.infra.web.composite.CompositeRequests.DelegationBody;
import dev.vacant.infra.web.composite.CompositeRequests.GraduationBody;
import dev.vacant.infra.web.composite.CompositeRequests.OutboundCheckBody;
import dev.vacant.infra.web.composite.CompositeRequests.RegisterChildBody;
import dev.vacant.infra.web.composite.CompositeService;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

/** {@code vacant.composites.v1.Composites}: the gRPC twin of the composite endpoints and the capability card. */
@Component
public class CompositesGrpcService extends CompositesGrpc.CompositesImplBase implements GrpcApi {

    private final CompositeService composites;
    private final ProtoJson json;

    public CompositesGrpcService(CompositeService composites, ProtoJson json) {
        this.composites = composites;
        this.json = json;
    }

    @Override
    public void get(GetCompositeRequest request, StreamObserver<CompositeView> observer) {
        reply(observer, json.write(composites.get(GrpcAuthInterceptor.actor(), request.getParent(),
                request.hasPosition() ? request.getPosition() : null, orNull(request.getConsistency())),
                CompositeView.newBuilder()));
    }

    @Override
    public void registerChild(RegisterChildRequest request, StreamObserver<Registered> observer) {
        reply(observer, json.write(composites.register(GrpcAuthInterceptor.actor(), request.getParent(),
                json.read(request, RegisterChildBody.class)), Registered.newBuilder()));
    }

    @Override
    public void changeAllowlist(AllowlistRequest request, StreamObserver<VacantState> observer) {
        reply(observer, json.write(composites.allowlist(GrpcAuthInterceptor.actor(), request.getParent(),
                json.read(request, AllowlistBody.class)), VacantState.newBuilder()));
    }

    @Override
    public void checkOutbound(OutboundCheckRequest request, StreamObserver<OutboundVerdict> observer) {
        reply(observer, json.write(composites.outbound(GrpcAuthInterceptor.actor(), request.getParent(),
                json.read(request, OutboundCheckBody.class)), OutboundVerdict.newBuilder()));
    }

    @Override
    public void delegate(DelegationRequest request, StreamObserver<Delegated> observer) {
        reply(observer, json.write(composites.delegate(GrpcAuthInterceptor.actor(), request.getParent(),
                json.read(request, DelegationBody.class)), Delegated.newBuilder()));
    }

    @Override
    public void completeDelegation(CompletionRequest request, StreamObserver<Pair> observer) {
        reply(observer, json.write(composites.complete(GrpcAuthInterceptor.actor(), request.getParent(),
                request.getDelegation(), json.read(request, CompletionBody.class)), Pair.newBuilder()));
    }

    @Override
    public void graduate(GraduationRequest request, StreamObserver<Graduated> observer) {
        reply(observer, json.write(composites.graduate(GrpcAuthInterceptor.actor(), request.getParent(),
                json.read(request, GraduationBody.class)), Graduated.newBuilder()));
    }

    @Override
    public void card(CardRequest request, StreamObserver<Struct> observer) {
        reply(observer, json.write(composites.card(GrpcAuthInterceptor.actor(), request.getId(),
                request.hasPosition() ? request.getPosition() : null, orNull(request.getConsistency())), Struct.newBuilder()));
    }

    @Override
    public void runChild(ChildRunnerRequest request, StreamObserver<ChildRunner> observer) {
        reply(observer, json.write(composites.runChild(GrpcAuthInterceptor.actor(), request.getParent(),
                request.getChild(), true), ChildRunner.newBuilder()));
    }

    @Override
    public void stopChild(ChildRunnerRequest request, StreamObserver<ChildRunner> observer) {
        reply(observer, json.write(composites.runChild(GrpcAuthInterceptor.actor(), request.getParent(),
                request.getChild(), false), ChildRunner.newBuilder()));
    }
}
