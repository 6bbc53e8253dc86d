package dev.vacant.infra.grpc;

import static dev.vacant.infra.grpc.GrpcCalls.orNull;
import static dev.vacant.infra.grpc.GrpcCalls.reply;
import static dev.vacant.infra.grpc.GrpcCalls.replyWhenDone;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.grpc.vacants.v1.CallRequest;
import dev.vacant.grpc.vacants.v1.ConsentGranted;
import dev.vacant.grpc.vacants.v1.ConsentRequest;
import dev.vacant.grpc.vacants.v1.DriftView;
import dev.vacant.grpc.vacants.v1.GenesisRequest;
import dev.vacant.grpc.vacants.v1.GetRequest;
import dev.vacant.grpc.vacants.v1.HeartbeatRequest;
import dev.vacant.grpc.vacants.v1.ListRequest;
import dev.vacant.grpc.vacants.v1.LogbookEntry;
import dev.vacant.grpc.vacants.v1.LogbookVerification;
import dev.vacant.grpc.vacants.v1.LogbookPage;
import dev.vacant.grpc.vacants.v1.LogbookRequest;
import dev.vacant.grpc.vacants.v1.ReadRequest;
import dev.vacant.grpc.vacants.v1.ReviewRequest;
import dev.vacant.grpc.vacants.v1.SampleRequest;
import dev.vacant.grpc.vacants.v1.SpawnRequest;
import dev.vacant.grpc.vacants.v1.Spawned;
import dev.vacant.grpc.vacants.v1.Vacant;
import dev.vacant.grpc.vacants.v1.VacantChange;
import dev.vacant.grpc.vacants.v1.VacantPage;
import dev.vacant.grpc.vacants.v1.VacantRef;
import dev.vacant.grpc.vacants.v1.VacantState;
import dev.vacant.grpc.vacants.v1.VacantsGrpc;
import dev.vacant.grpc.vacants.v1.WatchVacantRequest;
import dev.vacant.infra.consent.ConsentFields;
import dev.vacant.infra.consent.ConsentService;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.web.consent.ConsentController.Granted;
import dev.vacant.infra.web.query.LogbookVerifications;
import dev.vacant.infra.web.query.VacantChangeFeed;
import dev.vacant.infra.web.query.VacantQueryService;
import dev.vacant.infra.web.vacant.VacantCommandService;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.infra.web.vacant.VacantRequests.CallBody;
import dev.vacant.infra.web.vacant.VacantRequests.GenesisBody;
import dev.vacant.infra.web.vacant.VacantRequests.HeartbeatBody;
import dev.vacant.infra.web.vacant.VacantRequests.ReviewBody;
import dev.vacant.infra.web.vacant.VacantRequests.SampleBody;
import dev.vacant.infra.web.vacant.VacantRequests.SpawnBody;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.query.logbook.LogbookQueries.StoredEntry;
import io.grpc.MethodDescriptor;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** {@code vacant.vacants.v1.Vacants}: the gRPC twin of the vacant REST endpoints, on the same application services. */
@Component
public class VacantsGrpcService extends VacantsGrpc.VacantsImplBase implements GrpcApi {

    private final VacantCommandService commands;
    private final VacantQueryService queries;
    private final VacantChangeFeed changes;
    private final ConsentService consents;
    private final LogbookVerifications verifications;
    private final ProjectionPositions positions;
    private final ProtoJson json;
    private final GrpcWatches watches;

    public VacantsGrpcService(VacantCommandService commands, VacantQueryService queries, VacantChangeFeed changes,
                              ConsentService consents, LogbookVerifications verifications,
                              ProjectionPositions positions, ProtoJson json, GrpcWatches watches) {
        this.commands = commands;
        this.queries = queries;
        this.changes = changes;
        this.consents = consents;
        this.verifications = verifications;
        this.positions = positions;
        this.json = json;
        this.watches = watches;
    }

    /** The filter of {@code List}, read like the REST query parameters (enums by name). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ListParams(LifecycleState state, String controller, RegistryVisibility visibility, String after,
                      Integer limit, Long position, String consistency) {
    }

    /** The commands: they reply when their group committed ({@link GrpcCalls#replyWhenDone}). */
    @Override
    public Set<String> nonBlockingMethods() {
        return Stream.of(VacantsGrpc.getGenesisMethod(), VacantsGrpc.getHeartbeatMethod(), VacantsGrpc.getCallMethod(),
                        VacantsGrpc.getReviewMethod(), VacantsGrpc.getReviveMethod(), VacantsGrpc.getArchiveMethod(),
                        VacantsGrpc.getPublishMethod(), VacantsGrpc.getSpawnMethod(), VacantsGrpc.getSampleMethod(),
                        VacantsGrpc.getResetAnchorMethod())
                .map(MethodDescriptor::getFullMethodName).collect(Collectors.toUnmodifiableSet());
    }

    private static Actor actor() {
        return GrpcAuthInterceptor.actor();
    }

    private VacantState state(Object view) {
        return json.write(view, VacantState.newBuilder());
    }

    @Override
    public void genesis(GenesisRequest request, StreamObserver<VacantState> observer) {
        replyWhenDone(observer, commands.genesis(actor(), json.read(request, GenesisBody.class)), this::state);
    }

    @Override
    public void get(GetRequest request, StreamObserver<Vacant> observer) {
        reply(observer, json.write(queries.get(actor(), request.getId(),
                request.hasPosition() ? request.getPosition() : null, orNull(request.getConsistency())), Vacant.newBuilder()));
    }

    @Override
    public void list(ListRequest request, StreamObserver<VacantPage> observer) {
        ListParams params = json.read(request, ListParams.class);
        reply(observer, json.write(queries.list(actor(), params.state(), params.controller(), params.visibility(),
                params.after(), params.limit(), params.position(), params.consistency()), VacantPage.newBuilder()));
    }

    @Override
    public void heartbeat(HeartbeatRequest request, StreamObserver<VacantState> observer) {
        replyWhenDone(observer, commands.heartbeat(actor(), request.getId(), json.read(request, HeartbeatBody.class)),
                this::state);
    }

    @Override
    public void call(CallRequest request, StreamObserver<VacantState> observer) {
        replyWhenDone(observer, commands.call(actor(), request.getId(), json.read(request, CallBody.class)), this::state);
    }

    @Override
    public void review(ReviewRequest request, StreamObserver<VacantState> observer) {
        replyWhenDone(observer, commands.review(actor(), request.getId(), json.read(request, ReviewBody.class)),
                this::state);
    }

    @Override
    public void revive(VacantRef request, StreamObserver<VacantState> observer) {
        replyWhenDone(observer, commands.revive(actor(), request.getId()), this::state);
    }

    @Override
    public void archive(VacantRef request, StreamObserver<VacantState> observer) {
        replyWhenDone(observer, commands.archive(actor(), request.getId()), this::state);
    }

    @Override
    public void publish(VacantRef request, StreamObserver<VacantState> observer) {
        replyWhenDone(observer, commands.publish(actor(), request.getId()), this::state);
    }

    @Override
    public void spawn(SpawnRequest request, StreamObserver<Spawned> observer) {
        replyWhenDone(observer, commands.spawn(actor(), request.getId(), json.read(request, SpawnBody.class)),
                spawned -> json.write(spawned, Spawned.newBuilder()));
    }

    @Override
    public void sample(SampleRequest request, StreamObserver<VacantState> observer) {
        replyWhenDone(observer, commands.sample(actor(), request.getId(), json.read(request, SampleBody.class)),
                this::state);
    }

    @Override
    public void resetAnchor(VacantRef request, StreamObserver<VacantState> observer) {
        replyWhenDone(observer, commands.resetAnchor(actor(), request.getId()), this::state);
    }

    @Override
    public void consent(ConsentRequest request, StreamObserver<ConsentGranted> observer) {
        String signer = VacantRequests.vacantId("id", request.getId()).value();
        reply(observer, json.write(Granted.of(consents.grant(actor(), signer, json.read(request, ConsentFields.class)),
                positions), ConsentGranted.newBuilder()));
    }

    @Override
    public void drift(ReadRequest request, StreamObserver<DriftView> observer) {
        reply(observer, json.write(queries.drift(actor(), request.getId(),
                request.hasPosition() ? request.getPosition() : null, orNull(request.getConsistency())), DriftView.newBuilder()));
    }

    @Override
    public void logbook(LogbookRequest request, StreamObserver<LogbookPage> observer) {
        VacantQueryService.LogbookPage page = queries.logbook(actor(), request.getId(), request.getFromSeq(),
                request.hasLimit() ? request.getLimit() : null, request.hasPosition() ? request.getPosition() : null,
                orNull(request.getConsistency()));
        LogbookPage.Builder answer = LogbookPage.newBuilder().setVacant(page.vacant());
        page.entries().forEach(entry -> answer.addEntries(entry(entry)));
        if (page.nextFromSeq() != null) {
            answer.setNextFromSeq(page.nextFromSeq());
        }
        reply(observer, answer.build());
    }

    @Override
    public void watchVacant(WatchVacantRequest request, StreamObserver<VacantChange> observer) {
        VacantChangeFeed.Cursor cursor = changes.follow(actor(), request.getId(), request.getFromSeq());
        watches.open(observer, () -> cursor.next().stream()
                .map(change -> VacantChange.newBuilder().setEntry(entry(change.entry()))
                        .setState(change.state() == null ? "" : change.state().name()).build())
                .toList());
    }

    /** A logbook entry; its body stays the JSON text that was signed and hashed. */
    private static LogbookEntry entry(StoredEntry entry) {
        return LogbookEntry.newBuilder().setSeq(entry.seq()).setBody(Json.write(entry.body()))
                .setSig(entry.sig()).setHash(entry.hash()).build();
    }

    @Override
    public void verifyLogbook(VacantRef request, StreamObserver<LogbookVerification> observer) {
        reply(observer, json.write(verifications.verify(actor(), request.getId()), LogbookVerification.newBuilder()));
    }
}
