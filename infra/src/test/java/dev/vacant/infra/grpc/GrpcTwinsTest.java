package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.vacant.grpc.audit.v1.AuditGrpc;
import dev.vacant.grpc.audit.v1.AuditJob;
import dev.vacant.grpc.audit.v1.ListReplaysRequest;
import dev.vacant.grpc.audit.v1.StartReplayRequest;
import dev.vacant.grpc.checkpoints.v1.Checkpoint;
import dev.vacant.grpc.checkpoints.v1.CheckpointsGrpc;
import dev.vacant.grpc.checkpoints.v1.CosignRequest;
import dev.vacant.grpc.checkpoints.v1.CreateCheckpointRequest;
import dev.vacant.grpc.checkpoints.v1.GetCheckpointRequest;
import dev.vacant.grpc.composites.v1.ChildRunner;
import dev.vacant.grpc.composites.v1.ChildRunnerRequest;
import dev.vacant.grpc.composites.v1.CompositesGrpc;
import dev.vacant.grpc.projections.v1.DeadLettersRequest;
import dev.vacant.grpc.projections.v1.ListProjectionsRequest;
import dev.vacant.grpc.projections.v1.Processors;
import dev.vacant.grpc.projections.v1.ProjectionsGrpc;
import dev.vacant.grpc.projections.v1.ResetProjectionRequest;
import dev.vacant.grpc.projections.v1.RetryDeadLetterRequest;
import dev.vacant.grpc.tuples.v1.AgentReply;
import dev.vacant.grpc.tuples.v1.AgentRequest;
import dev.vacant.grpc.tuples.v1.BatchSpawnReply;
import dev.vacant.grpc.tuples.v1.BatchSpawnRequest;
import dev.vacant.grpc.tuples.v1.CompressReply;
import dev.vacant.grpc.tuples.v1.MaterializeReply;
import dev.vacant.grpc.tuples.v1.MaterializeRequest;
import dev.vacant.grpc.tuples.v1.OutRequest;
import dev.vacant.grpc.tuples.v1.PruneIdleRequest;
import dev.vacant.grpc.tuples.v1.RouteRequest;
import dev.vacant.grpc.tuples.v1.ScanSpaceRequest;
import dev.vacant.grpc.tuples.v1.SnapshotRequest;
import dev.vacant.grpc.tuples.v1.SpaceSnapshot;
import dev.vacant.grpc.tuples.v1.SpawnAgentRequest;
import dev.vacant.grpc.tuples.v1.TupleReply;
import dev.vacant.grpc.tuples.v1.TuplesGrpc;
import dev.vacant.grpc.tuples.v1.WallRequest;
import dev.vacant.grpc.vacants.v1.LogbookVerification;
import dev.vacant.grpc.vacants.v1.SpawnRequest;
import dev.vacant.grpc.vacants.v1.VacantRef;
import dev.vacant.infra.grpc.client.GrpcClients;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.TestProperties;
import dev.vacant.kernel.checkpoint.Cosignature;
import dev.vacant.kernel.composite.DelegationLane;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.SignedNote;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.id.VacantId;
import io.grpc.Status;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gRPC twins added for the REST operations that had none (tuple routes, the lane-less scan, hookwalls, agents,
 * the snapshot, projection administration, logbook verification, the audit job list, witnesses' cosignatures):
 * each through a real client on loopback, answering what REST answers, under the same access rules and errors.
 */
class GrpcTwinsTest extends GrpcApiTestBase {

    private String vacant;
    private String lane;

    @BeforeEach
    void aliceVacant() {
        vacant = vacants(operator).genesis(genesis(alice, "read")).getId();
        assertThat(api.get("/api/v1/vacants/" + vacant + "?consistency=strong", operator).status()).isEqualTo(200);
        lane = "grpc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private TuplesGrpc.TuplesBlockingStub tuples(String token) {
        return GrpcClients.withToken(TuplesGrpc.newBlockingStub(channel), token);
    }

    private ProjectionsGrpc.ProjectionsBlockingStub projections(String token) {
        return GrpcClients.withToken(ProjectionsGrpc.newBlockingStub(channel), token);
    }

    private static Struct data(String field, double number) {
        return Struct.newBuilder().putFields(field, Value.newBuilder().setNumberValue(number).build()).build();
    }

    @Test
    void routeAndTheLaneLessScan_actOnTheLane_asRestDoes() {
        String written = tuples(aliceToken).out(OutRequest.newBuilder().setLane(lane).setVacant(vacant).setYool("p")
                .addMap(3).addMap(4).setData(data("a", 1)).build()).getTuple().getId();

        TupleReply routed = tuples(aliceToken).route(RouteRequest.newBuilder().setLane(lane).setVacant(vacant)
                .setPacket(data("b", 2)).build());
        TupleReply scanned = tuples(aliceToken).scanSpace(ScanSpaceRequest.newBuilder().setVacant(vacant).build());

        assertThat(routed.getTuple().getId()).isEqualTo(written);
        assertThat(routed.getTuple().getData().getFieldsMap()).containsKeys("a", "b");
        assertThat(routed.getTuple().getReceiptsList()).anySatisfy(receipt -> assertThat(receipt).startsWith("route@"));
        assertThat(scanned.getTuplesList()).extracting(tuple -> tuple.getId()).contains(written);
        assertThat(api.get("/api/v1/tuples?vacant=" + vacant, aliceToken).body().get("tuples"))
                .hasSize(scanned.getTuplesCount());
        assertFails(() -> tuples(bobToken).scanSpace(ScanSpaceRequest.newBuilder().setVacant(vacant).build()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
    }

    @Test
    void walls_hookAndUnhookForOperators_checkForAnyone_andGuardTheLane() {
        WallRequest read = WallRequest.newBuilder().setWall(lane).setCapability("read").build();
        WallRequest write = WallRequest.newBuilder().setWall(lane).setCapability("write").build();

        assertFails(() -> tuples(aliceToken).hook(read), Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertThat(tuples(operator).hook(write).getHeld()).isTrue();
        assertFails(() -> tuples(aliceToken).out(OutRequest.newBuilder().setLane(lane).setVacant(vacant).setYool("x")
                .addMap(1).addMap(2).build()), Status.Code.FAILED_PRECONDITION, "WALL_DENIED");
        assertThat(tuples(aliceToken).checkWall(write).getHeld()).isTrue();
        assertFails(() -> tuples(aliceToken).unhook(write), Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertThat(tuples(operator).unhook(write).getHeld()).isFalse();
        assertThat(tuples(aliceToken).checkWall(write).getHeld()).isFalse();
    }

    @Test
    void agents_spawnCompressRestoreBatchSpawnMaterializeAndPrune_andTheSnapshotCountsThem() {
        AgentReply spawned = tuples(aliceToken).spawnAgent(SpawnAgentRequest.newBuilder().setVacant(vacant).setLane(lane)
                .setYool("worker").setData(data("n", 7)).build());
        String agentId = spawned.getAgent().getAgentId();
        AgentRequest agent = AgentRequest.newBuilder().setVacant(vacant).setLane(lane).setAgentId(agentId).build();
        CompressReply compressed = tuples(aliceToken).compress(agent);
        AgentReply restored = tuples(aliceToken).restore(agent);
        BatchSpawnReply batch = tuples(aliceToken).batchSpawn(BatchSpawnRequest.newBuilder().setVacant(vacant)
                .setLane(lane).setYool("w").setDepth(2).setBranching(4).build());
        MaterializeReply materialized = tuples(aliceToken).materialize(MaterializeRequest.newBuilder().setVacant(vacant)
                .setLane(lane).setReceipt(batch.getReceipt()).addPath(1).addPath(2).build());
        SpaceSnapshot snapshot = tuples(aliceToken).snapshot(SnapshotRequest.getDefaultInstance());

        assertThat(agentId).isNotEmpty();
        assertThat(compressed.getToken().getCompressed()).isTrue();
        assertThat(compressed.getToken().getDataDigest()).isNotEmpty();
        assertThat(restored.getAgent().getData().getFieldsOrThrow("n").getNumberValue()).isEqualTo(7);
        assertThat(batch.getVirtualAgents()).isPositive();
        assertThat(materialized.getCreated()).isTrue();
        assertThat(snapshot.getLanesOrThrow(lane)).isEqualTo(3);
        assertThat(snapshot.getPolicy().getFieldsCount()).isPositive();
        assertThat(api.get("/api/v1/space/snapshot", aliceToken).body().at("/lanes/" + lane).asLong()).isEqualTo(3);
        assertFails(() -> tuples(aliceToken).batchSpawn(BatchSpawnRequest.newBuilder().setVacant(vacant).setLane(lane)
                .setYool("w").setDepth(63).setBranching(2).build()), Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> tuples(aliceToken).pruneIdle(PruneIdleRequest.newBuilder().setMaxActive(1).build()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertThat(tuples(operator).pruneIdle(PruneIdleRequest.newBuilder().setMaxActive(1_000_000).build())
                .getCompressedList()).doesNotContain(agentId);
    }

    @Test
    void projectionAdministration_isForOperators_andAnswersWhatRestAnswers() {
        Processors processors = projections(operator).list(ListProjectionsRequest.getDefaultInstance());

        assertThat(processors.getItemsList()).singleElement().satisfies(lag -> {
            assertThat(lag.getProcessor()).isEqualTo(api.get("/api/v1/projections", operator).body()
                    .at("/items/0/processor").asText());
            assertThat(lag.getProjectionsList()).contains("registry", "logbook");
        });
        assertThat(projections(operator).deadLetters(DeadLettersRequest.getDefaultInstance()).getItemsCount())
                .isEqualTo(api.get("/api/v1/projections/dead-letters", operator).body().get("items").size());
        assertFails(() -> projections(aliceToken).list(ListProjectionsRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertFails(() -> projections(aliceToken).deadLetters(DeadLettersRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertFails(() -> projections(operator).retryDeadLetter(RetryDeadLetterRequest.newBuilder().setId("none").build()),
                Status.Code.NOT_FOUND, "NOT_FOUND");
        assertFails(() -> projections(aliceToken).reset(ResetProjectionRequest.newBuilder().setName("registry").build()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertFails(() -> projections(operator).reset(ResetProjectionRequest.newBuilder().setName("nope").build()),
                Status.Code.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    void verifyLogbook_verifiesTheStoredChain_asRestDoes() {
        LogbookVerification verification = vacants(aliceToken).verifyLogbook(VacantRef.newBuilder().setId(vacant).build());
        Response rest = api.get("/api/v1/vacants/" + vacant + "/logbook/verification", aliceToken);

        assertThat(verification.getVerified()).isTrue();
        assertThat(verification.getEntries()).isEqualTo(rest.body().get("entries").asLong()).isPositive();
        assertThat(verification.getHead().getHash()).isEqualTo(rest.body().at("/head/hash").asText());
        assertFails(() -> vacants(aliceToken).verifyLogbook(VacantRef.newBuilder().setId("nope").build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
    }

    @Test
    void auditReplays_areListed_andAKeyWithoutACheckpointIsInvalid() {
        AuditGrpc.AuditBlockingStub audit = GrpcClients.withToken(AuditGrpc.newBlockingStub(channel), operator);
        AuditJob started = audit.startReplay(StartReplayRequest.getDefaultInstance());

        assertThat(audit.listReplays(ListReplaysRequest.getDefaultInstance()).getItemsList())
                .extracting(AuditJob::getJob).contains(started.getJob());
        assertFails(() -> audit.startReplay(StartReplayRequest.newBuilder().setNodeKey(TestProperties.WITNESS_KEY).build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> GrpcClients.withToken(AuditGrpc.newBlockingStub(channel), aliceToken)
                .listReplays(ListReplaysRequest.getDefaultInstance()), Status.Code.PERMISSION_DENIED, "FORBIDDEN");
    }

    @Test
    void cosign_isPublic_andKeepsAWitnessCosignature() {
        Checkpoint made = GrpcClients.withToken(CheckpointsGrpc.newBlockingStub(channel), operator)
                .create(CreateCheckpointRequest.getDefaultInstance()).getCheckpoint();
        String text = SignedNote.parse(made.getNote()).text();
        byte[] seed = Hex.decode(TestProperties.WITNESS_SEED);
        NoteKey witness = NoteKey.parse(TestProperties.WITNESS_KEY);
        String line = Cosignature.sign(text, witness, new KeyPairSigner(NodeId.of(Ed25519.fromSeed(seed).publicKey()),
                seed), clock.instant().getEpochSecond()).line();
        CheckpointsGrpc.CheckpointsBlockingStub anyone = CheckpointsGrpc.newBlockingStub(channel);

        anyone.cosign(CosignRequest.newBuilder().setSize(made.getTreeSize()).setLine(line).build());

        SignedNote served = SignedNote.parse(anyone.get(GetCheckpointRequest.newBuilder().setSize(made.getTreeSize())
                .build()).getNote());
        assertThat(served.signatures()).anySatisfy(signature ->
                assertThat(Cosignature.verify(text, witness, signature)).isPresent());
        assertFails(() -> anyone.cosign(CosignRequest.newBuilder().setSize(made.getTreeSize()).setLine("not a line").build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
    }

    @Test
    void childRunner_startsAndStopsOnThisInstance_forTheControllerOnly_asRestDoes() {
        String bud = vacants(aliceToken).spawn(SpawnRequest.newBuilder().setId(vacant).setPath("D2")
                .addNarrowedTools("read").build()).getChildId();
        assertThat(api.get("/api/v1/composites/" + vacant + "?consistency=strong", aliceToken).status()).isEqualTo(200);
        CompositesGrpc.CompositesBlockingStub composites =
                GrpcClients.withToken(CompositesGrpc.newBlockingStub(channel), aliceToken);
        ChildRunnerRequest request = ChildRunnerRequest.newBuilder().setParent(vacant).setChild(bud).build();

        ChildRunner started = composites.runChild(request);
        Response rest = api.put("/api/v1/composites/" + vacant + "/children/" + bud + "/runner", aliceToken);
        ChildRunner stopped = composites.stopChild(request);

        assertThat(started.getRunning()).isTrue();
        assertThat(started.getChild()).isEqualTo(bud);
        assertThat(started.getLane()).isEqualTo(DelegationLane.of(VacantId.parse(vacant), VacantId.parse(bud)).tasks())
                .isEqualTo(rest.text("lane"));
        assertThat(started.getResultsLane()).isEqualTo(rest.text("results_lane"));
        assertThat(stopped.getRunning()).isFalse();
        assertFails(() -> GrpcClients.withToken(CompositesGrpc.newBlockingStub(channel), bobToken).runChild(request),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
    }
}
