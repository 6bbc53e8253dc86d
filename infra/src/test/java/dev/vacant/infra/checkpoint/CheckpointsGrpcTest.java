package dev.vacant.infra.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Message;
import dev.vacant.grpc.checkpoints.v1.Checkpoint;
import dev.vacant.grpc.checkpoints.v1.CheckpointsGrpc;
import dev.vacant.grpc.checkpoints.v1.ConsistencyProof;
import dev.vacant.grpc.checkpoints.v1.ConsistencyRequest;
import dev.vacant.grpc.checkpoints.v1.CreateCheckpointRequest;
import dev.vacant.grpc.checkpoints.v1.FirstIncludingRequest;
import dev.vacant.grpc.checkpoints.v1.GetCheckpointRequest;
import dev.vacant.grpc.checkpoints.v1.InclusionProof;
import dev.vacant.grpc.checkpoints.v1.InclusionRequest;
import dev.vacant.grpc.checkpoints.v1.LatestRequest;
import dev.vacant.grpc.checkpoints.v1.MadeCheckpoint;
import dev.vacant.infra.grpc.GrpcApiTestBase;
import dev.vacant.infra.grpc.ProtoJson;
import dev.vacant.infra.grpc.client.GrpcClients;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;
import dev.vacant.kernel.crypto.Hex;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code vacant.checkpoints.v1.Checkpoints} through a real client on loopback: the REST answers, each verified as a
 * third party would with the node's key alone; public calls need no token, inclusion proofs do, Create is for operators.
 */
class CheckpointsGrpcTest extends GrpcApiTestBase {

    @Autowired
    private ProtoJson protoJson;

    private CheckpointsGrpc.CheckpointsBlockingStub checkpointsAs(String token) {
        return GrpcClients.withToken(CheckpointsGrpc.newBlockingStub(channel), token);
    }

    private JsonNode genesis() {
        Response created = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body();
    }

    /** The REST answer of {@code path} as the gRPC message {@code builder} builds. */
    private <M extends Message> M rest(String path, String token, Message.Builder builder) {
        Response answer = api.get(path, token);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        return protoJson.write(answer.body(), builder);
    }

    private MadeCheckpoint made() {
        return checkpointsAs(operator).create(CreateCheckpointRequest.getDefaultInstance());
    }

    private static NoteKey nodeKey(Checkpoint checkpoint) {
        return NoteKey.parse(checkpoint.getNodeKey());
    }

    @Test
    void create_signsANewSizeOnce_andAnswersTheExistingCheckpointAfterwards() {
        MadeCheckpoint first = made();
        for (int attempt = 0; attempt < 5 && !first.getCreated(); attempt++) {
            genesis();
            first = made(); // the periodic checkpoint (1 s in tests) may have signed the new size just before
        }
        MadeCheckpoint again = made();

        assertThat(first.getCreated()).isTrue();
        assertThat(again.getCreated()).isFalse();
        assertThat(again.getCheckpoint()).isEqualTo(first.getCheckpoint());
        assertThat(CheckpointClient.open(ProtoJson.tree(first.getCheckpoint()), nodeKey(first.getCheckpoint()))
                .checkpoint().size()).isEqualTo(first.getCheckpoint().getTreeSize());
    }

    @Test
    void latestGetAndFirstIncluding_arePublic_andAnswerWhatRestAnswers() {
        long globalIndex = genesis().path("logbook_head").path("global_index").asLong();
        Checkpoint made = made().getCheckpoint();
        CheckpointsGrpc.CheckpointsBlockingStub anyone = checkpointsAs(null);

        Checkpoint latest = anyone.latest(LatestRequest.getDefaultInstance());
        Checkpoint bySize = anyone.get(GetCheckpointRequest.newBuilder().setSize(latest.getTreeSize()).build());
        Checkpoint first = anyone.firstIncluding(FirstIncludingRequest.newBuilder().setPosition(globalIndex).build());

        assertThat(latest).isEqualTo(rest("/api/v1/checkpoints/latest", null, Checkpoint.newBuilder()));
        assertThat(bySize).isEqualTo(latest);
        assertThat(first).isEqualTo(
                rest("/api/v1/checkpoints/first-including?position=" + globalIndex, null, Checkpoint.newBuilder()));
        assertThat(first.getTreeSize()).isPositive().isLessThanOrEqualTo(made.getTreeSize());
        assertThat(CheckpointClient.open(ProtoJson.tree(latest), nodeKey(made)).checkpoint().size())
                .isEqualTo(latest.getTreeSize());
    }

    @Test
    void inclusion_needsAToken_andProvesTheEntry_byVacantAndSeq_orByPosition() {
        JsonNode vacant = genesis();
        JsonNode head = vacant.path("logbook_head");
        NoteKey nodeKey = nodeKey(made().getCheckpoint());
        InclusionRequest bySeq = InclusionRequest.newBuilder().setVacant(vacant.path("id").asText()).setSeq(0).build();

        assertFails(() -> checkpointsAs(null).inclusion(bySeq), Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED");
        InclusionProof proof = checkpointsAs(aliceToken).inclusion(bySeq);
        InclusionProof byPosition = checkpointsAs(aliceToken).inclusion(InclusionRequest.newBuilder()
                .setPosition(head.path("global_index").asLong()).setSize(proof.getTreeSize()).build());

        assertThat(proof.getEntryHash()).isEqualTo(head.path("hash").asText());
        assertThat(proof).isEqualTo(rest("/api/v1/proofs/inclusion?vacant=" + vacant.path("id").asText() + "&seq=0",
                aliceToken, InclusionProof.newBuilder()));
        assertThat(CheckpointClient.inclusionVerifies(ProtoJson.tree(proof), nodeKey, head.path("hash").asText())).isTrue();
        assertThat(CheckpointClient.inclusionVerifies(ProtoJson.tree(proof), nodeKey, Hex.encode(new byte[32]))).isFalse();
        assertThat(byPosition).isEqualTo(proof);
    }

    @Test
    void consistency_isPublic_andShowsAKeptCheckpointIsAPrefixOfALaterOne() {
        genesis();
        Checkpoint keptAnswer = made().getCheckpoint();
        NoteKey nodeKey = nodeKey(keptAnswer);
        SignedCheckpoint kept = CheckpointClient.open(ProtoJson.tree(keptAnswer), nodeKey);
        genesis();
        long later = made().getCheckpoint().getTreeSize();

        ConsistencyProof proof = checkpointsAs(null).consistency(ConsistencyRequest.newBuilder()
                .setFrom(kept.checkpoint().size()).setTo(later).build());

        assertThat(proof.getTo()).isEqualTo(later).isGreaterThan(kept.checkpoint().size());
        assertThat(CheckpointClient.consistencyVerifies(ProtoJson.tree(proof), nodeKey, kept)).isTrue();
    }

    @Test
    void rejections_mapToTheirStatus_withTheCodeAsReason() {
        long latest = made().getCheckpoint().getTreeSize();

        assertFails(() -> checkpointsAs(aliceToken).create(CreateCheckpointRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED, "FORBIDDEN");
        assertFails(() -> checkpointsAs(null).create(CreateCheckpointRequest.getDefaultInstance()),
                Status.Code.UNAUTHENTICATED, "UNAUTHENTICATED");
        assertFails(() -> checkpointsAs(null).get(GetCheckpointRequest.newBuilder().setSize(latest + 1_000_000).build()),
                Status.Code.NOT_FOUND, "NOT_FOUND");
        assertFails(() -> checkpointsAs(aliceToken).inclusion(InclusionRequest.newBuilder().setSeq(0).build()),
                Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
        assertFails(() -> checkpointsAs(null).consistency(ConsistencyRequest.newBuilder().setFrom(latest + 1)
                .setTo(latest).build()), Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED");
    }
}
