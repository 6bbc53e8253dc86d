package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.vacant.grpc.lifecycle.v1.LifecycleGrpc;
import dev.vacant.grpc.lifecycle.v1.TransitionsRequest;
import dev.vacant.grpc.lineage.v1.LineageGrpc;
import dev.vacant.grpc.lineage.v1.LineageRequest;
import dev.vacant.grpc.tuples.v1.OutRequest;
import dev.vacant.grpc.tuples.v1.Tuple;
import dev.vacant.grpc.tuples.v1.TuplesGrpc;
import dev.vacant.grpc.tuples.v1.WatchLaneRequest;
import dev.vacant.grpc.vacants.v1.CallRequest;
import dev.vacant.grpc.vacants.v1.GetRequest;
import dev.vacant.grpc.vacants.v1.HeartbeatRequest;
import dev.vacant.grpc.vacants.v1.ListRequest;
import dev.vacant.grpc.vacants.v1.SpawnRequest;
import dev.vacant.grpc.vacants.v1.Vacant;
import dev.vacant.grpc.vacants.v1.VacantChange;
import dev.vacant.grpc.vacants.v1.VacantRef;
import dev.vacant.grpc.vacants.v1.VacantState;
import dev.vacant.grpc.vacants.v1.VacantsGrpc;
import dev.vacant.grpc.vacants.v1.WatchVacantRequest;
import dev.vacant.command.vacant.VacantCommands.RecordHeartbeatCommand;
import dev.vacant.infra.consent.ConsentService;
import dev.vacant.infra.grpc.client.GrpcClients;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.infra.web.query.LogbookVerifications;
import dev.vacant.infra.web.query.VacantChangeFeed;
import dev.vacant.infra.web.query.VacantQueryService;
import dev.vacant.infra.web.vacant.VacantCommandService;
import dev.vacant.kernel.json.Json;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The gRPC server through a real client on loopback: health, reflection, authentication, the status mapping
 * ({@code docs/errors.md}) with its details, the public lifecycle table, lineage, and both watch streams.
 */
@ExtendWith(OutputCaptureExtension.class)
class GrpcApiTest extends GrpcApiTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    GrpcWatches watches;
    @Autowired
    VacantTimerPoller poller;
    @Autowired
    VacantCommandService commands;
    @Autowired
    VacantQueryService queries;
    @Autowired
    VacantChangeFeed changeFeed;
    @Autowired
    ProtoJson protoJson;
    @Autowired
    ConsentService consents;
    @Autowired
    LogbookVerifications verifications;
    @Autowired
    ProjectionPositions positions;
    @Autowired
    CommandBus commandBus;

    /** What a server stream delivered, and how it ended. */
    private static final class Collected<T> implements StreamObserver<T> {
        final BlockingQueue<T> items = new LinkedBlockingQueue<>();
        final CompletableFuture<Status> end = new CompletableFuture<>();

        @Override
        public void onNext(T item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable failure) {
            end.complete(Status.fromThrowable(failure));
        }

        @Override
        public void onCompleted() {
            end.complete(Status.OK);
        }

        T next() throws InterruptedException {
            T item = items.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(item).as("a streamed item in time").isNotNull();
            return item;
        }
    }

    private String genesisForAlice() {
        return vacants(operator).genesis(genesis(alice, "read")).getId();
    }

    @Test
    void calls_areAnswered_whileMoreReadsThanTheServerHasHandlerThreadsWaitForTheProjections() throws Exception {
        String vacant = genesisForAlice();
        int waiting = 4 * Runtime.getRuntime().availableProcessors() + 2;
        VacantsGrpc.VacantsFutureStub futures = GrpcClients.withToken(VacantsGrpc.newFutureStub(channel), aliceToken);
        List<ListenableFuture<Vacant>> reads = IntStream.range(0, waiting)
                .mapToObj(i -> futures.get(GetRequest.newBuilder().setId(vacant).setPosition(Long.MAX_VALUE).build()))
                .toList();

        Vacant answered = vacants(aliceToken).get(GetRequest.newBuilder().setId(vacant).setConsistency("strong").build());

        assertThat(answered.getId()).isEqualTo(vacant);
        assertThat(reads).as("the reads still wait for a position the store has not reached").noneMatch(Future::isDone);
        for (ListenableFuture<Vacant> read : reads) {
            ExecutionException refused = catchThrowableOfType(ExecutionException.class, read::get);
            assertThat(GrpcClients.errorInfo((StatusRuntimeException) refused.getCause()))
                    .hasValueSatisfying(info -> assertThat(info.getReason()).isEqualTo("PROJECTION_LAGGING"));
        }
    }

    @Test
    void health_answersServing_forTheServerAndEachService() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);

        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService(VacantsGrpc.SERVICE_NAME).build()).getStatus())
                .isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void reflection_listsEveryService() throws Exception {
        CompletableFuture<List<String>> listed = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
                new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        listed.complete(response.getListServicesResponse().getServiceList().stream()
                                .map(ServiceResponse::getName).toList());
                    }

                    @Override
                    public void onError(Throwable failure) {
                        listed.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();

        assertThat(listed.get(10, TimeUnit.SECONDS)).contains("vacant.vacants.v1.Vacants",
                "vacant.lifecycle.v1.Lifecycle", "vacant.lineage.v1.Lineage", "vacant.tuples.v1.Tuples", "vacant.tasks.v1.Tasks",
                "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection");
    }

    @Test
    void calls_withoutAValidToken_areUnauthenticated_butTheLifecycleTableIsPublic() {
        assertFails(() -> vacants(null).list(ListRequest.getDefaultInstance()), Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED");
        assertFails(() -> vacants("vat_nonsense").list(ListRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED");

        assertThat(LifecycleGrpc.newBlockingStub(channel).transitions(TransitionsRequest.getDefaultInstance()).getCellsList())
                .hasSize(42).anySatisfy(cell -> {
                    assertThat(cell.getState()).isEqualTo("HIBERNATING");
                    assertThat(cell.getEvent()).isEqualTo("CALL_RECEIVED");
                    assertThat(cell.getNext()).isEqualTo("ACTIVE");
                });
    }

    @Test
    void aCommand_onAnotherControllersVacant_isPermissionDenied_andWritesNothing() {
        String vacant = genesisForAlice();
        long before = storedEvents();

        assertFails(() -> vacants(bobToken).revive(VacantRef.newBuilder().setId(vacant).build()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertFails(() -> vacants(aliceToken).genesis(genesis(alice)), Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void badRequests_areInvalidArgument_withTheirFieldsInBadRequest_andWriteNothing() throws Exception {
        long before = storedEvents();

        StatusRuntimeException noSubstrate = assertFails(() -> vacants(operator).genesis(
                genesis(alice).toBuilder().clearSubstrate().build()), Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        StatusRuntimeException badState = assertFails(() -> vacants(operator).genesis(
                genesis(alice).toBuilder().setState("SLEEPY").build()), Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        StatusRuntimeException badLimit = assertFails(() -> vacants(aliceToken).list(
                ListRequest.newBuilder().setLimit(0).build()), Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        StatusRuntimeException longPolicy = assertFails(() -> vacants(operator).genesis(genesis(alice).toBuilder()
                .setBundle(genesis(alice).getBundle().toBuilder().setPolicyDsl("x".repeat(32769))).build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");

        assertThat(fields(noSubstrate)).containsExactly("substrate");
        assertThat(fields(badState)).containsExactly("state");
        assertThat(fields(badLimit)).containsExactly("limit");
        assertThat(fields(longPolicy)).containsExactly("bundle.policy_dsl");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aCommand_holdsNoThreadOfTheServer_whileItsGroupCommits() throws Exception {
        String vacant = genesisForAlice();
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Registration stall = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RecordHeartbeatCommand beat
                    && beat.vacantId().equals(vacant)) {
                handling.countDown();
                release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            return chain.proceed();
        });
        ListenableFuture<VacantState> heartbeat;
        try {
            heartbeat = GrpcClients.withToken(VacantsGrpc.newFutureStub(channel), aliceToken)
                    .heartbeat(HeartbeatRequest.newBuilder().setId(vacant).build());
            assertThat(handling.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the heartbeat is handled").isTrue();

            Polling.awaitUntil("no thread inside the rpc's handler while its command waits to commit", PATIENCE,
                    () -> Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                            .noneMatch(frame -> frame.getClassName().equals(VacantsGrpcService.class.getName())));
            assertThat(heartbeat.isDone()).isFalse();
        } finally {
            release.countDown();
            stall.cancel();
        }
        assertThat(heartbeat.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).getLogbookHead().getSeq()).isEqualTo(1);
    }

    @Test
    void rejections_mapToTheirStatus_withTheCodeAsReason(CapturedOutput output) {
        String vacant = genesisForAlice();
        String unknown = vacant.substring(0, vacant.length() - 4) + "aaaa";

        assertFails(() -> vacants(aliceToken).revive(VacantRef.newBuilder().setId(vacant).build()),
                Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION");
        assertFails(() -> vacants(aliceToken).get(GetRequest.newBuilder().setId(unknown).build()),
                Status.Code.NOT_FOUND, "NOT_FOUND");
        assertFails(() -> vacants(aliceToken).heartbeat(HeartbeatRequest.newBuilder().setId(unknown).build()),
                Status.Code.NOT_FOUND, "NOT_FOUND");
        assertFails(() -> vacants(aliceToken).spawn(SpawnRequest.newBuilder().setId(vacant).setPath("D2")
                .addNarrowedTools("write").build()), Status.Code.FAILED_PRECONDITION, "TOOLS_NOT_SUBSET");
        assertThat(output.getAll()).as("a rejection is the caller's answer, not a warning in the log")
                .doesNotContain("WARN").doesNotContain("ERROR");
    }

    @Test
    void queries_answerWhatRestAnswers() {
        String parent = genesisForAlice();
        String child = vacants(aliceToken).spawn(SpawnRequest.newBuilder().setId(parent).setPath("D1")
                .setPolicyMutation("allow: read, write").build()).getChildId();

        JsonNode fromGrpc = ProtoJson.tree(vacants(aliceToken).get(
                GetRequest.newBuilder().setId(parent).setConsistency("strong").build()));
        JsonNode fromRest = api.get("/api/v1/vacants/" + parent + "?consistency=strong", aliceToken).body();
        var descendants = GrpcClients.withToken(LineageGrpc.newBlockingStub(channel), aliceToken)
                .lineage(LineageRequest.newBuilder().setId(parent).setConsistency("strong").build());

        for (String field : List.of("id", "state", "controller", "registry_visibility", "bundle_digest",
                "substrate_digest", "created_at", "position")) {
            assertThat(fromGrpc.get(field).asText()).as(field).isEqualTo(fromRest.get(field).asText());
        }
        for (String field : List.of("substrate", "bundle")) {
            assertThat(fromGrpc.get(field)).as(field).isEqualTo(fromRest.get(field));
        }
        assertThat(fromGrpc.at("/logbook_head/seq").asLong()).isEqualTo(fromRest.at("/logbook_head/seq").asLong());
        assertThat(fromGrpc.at("/logbook_head/hash")).isEqualTo(fromRest.at("/logbook_head/hash"));
        assertThat(descendants.getItemsList()).singleElement().satisfies(link -> {
            assertThat(link.getId()).isEqualTo(child);
            assertThat(link.getPath()).isEqualTo("D1");
        });
    }

    @Test
    void watchVacant_streamsEntriesInOrderFromASeq_withStateChanges_andStopsWhenCancelled() throws Exception {
        String vacant = genesisForAlice();
        vacants(aliceToken).call(CallRequest.newBuilder().setId(vacant).build());
        Collected<VacantChange> changes = new Collected<>();
        Context.CancellableContext watching = Context.current().withCancellation();
        int openBefore = watches.openWatches();

        watching.run(() -> GrpcClients.withToken(VacantsGrpc.newStub(channel), aliceToken)
                .watchVacant(WatchVacantRequest.newBuilder().setId(vacant).setFromSeq(1).build(), changes));
        VacantChange call = changes.next();
        vacants(aliceToken).call(CallRequest.newBuilder().setId(vacant).build());
        VacantChange secondCall = changes.next();
        clock.advance(Duration.ofHours(2));
        poller.fireDue();
        VacantChange hibernated = changes.next();

        assertThat(List.of(call, secondCall, hibernated)).extracting(change -> change.getEntry().getSeq())
                .containsExactly(1L, 2L, 3L);
        assertThat(Json.parse(call.getEntry().getBody()).get("kind").asText()).isEqualTo("CALL_RECEIVED");
        assertThat(call.getState()).isEmpty();
        assertThat(hibernated.getState()).isEqualTo("HIBERNATING");
        assertThat(hibernated.getEntry().getHash()).isEqualTo(logbook(vacant).get(3).hash());

        watching.cancel(null);
        Polling.awaitUntil("the cancelled watch is closed on the server", PATIENCE,
                () -> watches.openWatches() == openBefore);
    }

    @Test
    void watchLane_streamsTuplesArrivingInTheLane_inLaneOrder() throws Exception {
        String vacant = genesisForAlice();
        api.get("/api/v1/vacants/" + vacant + "?consistency=strong", aliceToken);
        String lane = "grpc-" + UUID.randomUUID().toString().substring(0, 8);
        TuplesGrpc.TuplesBlockingStub tuples = GrpcClients.withToken(TuplesGrpc.newBlockingStub(channel), aliceToken);
        tuples.out(OutRequest.newBuilder().setLane(lane).setVacant(vacant).setYool("before").addMap(1).addMap(1).build());
        Collected<Tuple> arriving = new Collected<>();
        Context.CancellableContext watching = Context.current().withCancellation();

        watching.run(() -> GrpcClients.withToken(TuplesGrpc.newStub(channel), aliceToken)
                .watchLane(WatchLaneRequest.newBuilder().setLane(lane).setVacant(vacant).build(), arriving));
        String first = tuples.out(OutRequest.newBuilder().setLane(lane).setVacant(vacant).setYool("job")
                .addMap(3).addMap(4).build()).getTuple().getId();
        String second = tuples.out(OutRequest.newBuilder().setLane(lane).setVacant(vacant).setYool("job")
                .addMap(5).addMap(6).build()).getTuple().getId();

        Tuple one = arriving.next();
        Tuple two = arriving.next();
        watching.cancel(null);
        assertThat(List.of(one.getId(), two.getId())).containsExactly(first, second);
        assertThat(one.getMapList()).containsExactly(3, 4);
        assertThat(one.getSource()).isEqualTo(TuplesGrpcService.SOURCE);
        assertThat(arriving.items).isEmpty();
    }

    @Test
    void watches_endUnavailable_whenTheServerStops() throws Exception {
        String vacant = genesisForAlice();
        GrpcWatches ownWatches = new GrpcWatches(Duration.ofMillis(20));
        GrpcServer server = new GrpcServer(new GrpcProperties(true, 0, Duration.ofMillis(20), Duration.ofSeconds(2)),
                List.of(new VacantsGrpcService(commands, queries, changeFeed, consents, verifications, positions,
                        protoJson, ownWatches)),
                new GrpcAuthInterceptor(tokens), ownWatches);
        server.start();
        var ownChannel = GrpcClients.channel("127.0.0.1:" + server.port());
        try {
            Collected<VacantChange> changes = new Collected<>();
            GrpcClients.withToken(VacantsGrpc.newStub(ownChannel), aliceToken)
                    .watchVacant(WatchVacantRequest.newBuilder().setId(vacant).build(), changes);
            assertThat(changes.next().getEntry().getSeq()).isZero();

            server.stop();

            assertThat(changes.end.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(ownWatches.openWatches()).isZero();
            assertThat(server.isRunning()).isFalse();
        } finally {
            ownChannel.shutdownNow();
            server.stop();
        }
    }

    private static List<String> fields(StatusRuntimeException failure) throws InvalidProtocolBufferException {
        for (var detail : StatusProto.fromThrowable(failure).getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                return detail.unpack(BadRequest.class).getFieldViolationsList().stream()
                        .map(BadRequest.FieldViolation::getField).toList();
            }
        }
        throw new AssertionError("no BadRequest details in " + failure);
    }
}
