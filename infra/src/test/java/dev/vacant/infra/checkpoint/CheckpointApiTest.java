package dev.vacant.infra.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.custody.AesGcmKeyCustody;
import dev.vacant.infra.custody.CustodyProperties;
import dev.vacant.infra.custody.KeyEncryptionKey;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.support.TestProperties;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.checkpoint.Cosignature;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;
import dev.vacant.kernel.checkpoint.SignedNote;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.json.Json;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * Checkpoints and proofs end to end over HTTP on the real PostgreSQL: every answer is verified as a third party
 * would, with the node's verifier key alone (fetched once, as a client pins it).
 */
class CheckpointApiTest extends VacantApiTestBase {

    private NoteKey nodeKey() {
        return NoteKey.parse(made().body().path("node_key").asText());
    }

    private Response made() {
        Response made = api.post("/api/v1/checkpoints", operator, null);
        assertThat(made.status()).as(String.valueOf(made.body())).isIn(200, 201);
        return made;
    }

    private JsonNode genesis() {
        Response created = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body();
    }

    @Test
    void commandAnswer_carriesItsEntrysGlobalIndex_andAClientProvesTheEntryInTheFirstCheckpointIncludingIt() {
        JsonNode vacant = genesis();
        JsonNode head = vacant.path("logbook_head");
        NoteKey nodeKey = nodeKey();

        long globalIndex = head.path("global_index").asLong();
        assertThat(globalIndex).isEqualTo(jdbc.queryForObject("select global_index from domain_event_entry where "
                + "aggregate_identifier = ? and sequence_number = 0", Long.class, vacant.path("id").asText()));
        Response first = api.get("/api/v1/checkpoints/first-including?position=" + globalIndex, null);
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        long size = first.body().path("tree_size").asLong();
        Response proof = api.get("/api/v1/proofs/inclusion?vacant=" + vacant.path("id").asText() + "&seq=0&size=" + size,
                aliceToken);

        assertThat(proof.status()).as(String.valueOf(proof.body())).isEqualTo(200);
        assertThat(proof.body().path("entry_hash").asText()).isEqualTo(head.path("hash").asText());
        assertThat(proof.body().path("position").asLong()).isEqualTo(globalIndex);
        assertThat(CheckpointClient.inclusionVerifies(proof.body(), nodeKey, head.path("hash").asText())).isTrue();
        assertThat(CheckpointClient.inclusionVerifies(proof.body(), nodeKey, Hex.encode(new byte[32]))).isFalse();
        Response byPosition = api.get("/api/v1/proofs/inclusion?position=" + globalIndex, aliceToken);
        assertThat(CheckpointClient.inclusionVerifies(byPosition.body(), nodeKey, head.path("hash").asText())).isTrue();
    }

    @Test
    void consistencyProof_showsAKeptCheckpointIsAPrefixOfTheLatest_withoutAToken() {
        NoteKey nodeKey = nodeKey();
        genesis();
        SignedCheckpoint kept = CheckpointClient.open(made().body(), nodeKey);
        genesis();
        SignedCheckpoint later = CheckpointClient.open(made().body(), nodeKey);

        Response proof = api.get("/api/v1/proofs/consistency?from=" + kept.checkpoint().size() + "&to="
                + later.checkpoint().size(), null);

        assertThat(proof.status()).as(String.valueOf(proof.body())).isEqualTo(200);
        assertThat(later.checkpoint().size()).isGreaterThan(kept.checkpoint().size());
        assertThat(CheckpointClient.consistencyVerifies(proof.body(), nodeKey, kept)).isTrue();
        SignedCheckpoint forged = SignedCheckpoint.sign(new dev.vacant.kernel.checkpoint.Checkpoint(
                kept.checkpoint().origin(), kept.checkpoint().size(), new byte[32]), new KeyPairSigner(
                NodeId.of(Ed25519.fromSeed(new byte[32]).publicKey()), new byte[32]));
        assertThat(CheckpointClient.consistencyVerifies(proof.body(), nodeKey, forged)).isFalse();
    }

    @Test
    void latestAndBySize_serveTheSameSignedNote_whichTheNodeKeyVerifies_andNamesTheNode() {
        NoteKey nodeKey = nodeKey();
        Response latest = api.get("/api/v1/checkpoints/latest", null);
        Response bySize = api.get("/api/v1/checkpoints/" + latest.body().path("tree_size").asLong(), null);

        assertThat(latest.status()).isEqualTo(200);
        assertThat(bySize.body().path("note").asText()).isEqualTo(latest.body().path("note").asText());
        SignedCheckpoint opened = CheckpointClient.open(latest.body(), nodeKey);
        assertThat(Base64.getEncoder().encodeToString(opened.checkpoint().rootHash()))
                .isEqualTo(latest.body().path("root_hash").asText());
        assertThat(NodeId.parse(latest.body().path("node_id").asText()).publicKey()).isEqualTo(nodeKey.publicKey());
        assertThat(latest.body().path("origin").asText()).isEqualTo(nodeKey.name());
    }

    @Test
    void nodeKey_isKeptEncryptedInCustody_andEveryCustodyOverTheDatabaseSignsAsTheSameNode() {
        String node = NodeId.of(nodeKey().publicKey()).value();
        AesGcmKeyCustody another = new AesGcmKeyCustody(jdbc, KeyEncryptionKey.resolve(
                new CustodyProperties(TestProperties.KEK, false, null), Path.of("unused")), clock, 1);

        assertThat(another.node().signerId()).isEqualTo(node);
        assertThat(jdbc.queryForObject("select node_id from node_identity", String.class)).isEqualTo(node);
        assertThat(jdbc.queryForObject("select count(*) from custody_key where vacant_id = ? and ciphertext is not null",
                Integer.class, node)).isEqualTo(1);
    }

    @Test
    void periodicCheckpoint_coversNewEntries_withoutAnyoneAsking() {
        long globalIndex = genesis().path("logbook_head").path("global_index").asLong();

        Polling.awaitUntil("a periodic checkpoint includes the new entry", Duration.ofSeconds(30),
                () -> api.get("/api/v1/checkpoints/first-including?position=" + globalIndex, null).status() == 200);
    }

    @Test
    void manyGlobalIndexGaps_settleTogether_soThePeriodicCheckpointIsNotHeldBackOneGapAtATime() {
        long last = 0;
        for (int gap = 0; gap < 4; gap++) {
            wasteAGlobalIndex();
            last = genesis().path("logbook_head").path("global_index").asLong();
        }
        long newest = last;

        // one gap settles in gap-settle (5 s); four settled one after the other would take over 20 s
        Polling.awaitUntil("a periodic checkpoint includes the entry after four gaps", Duration.ofSeconds(14),
                () -> api.get("/api/v1/checkpoints/first-including?position=" + newest, null).status() == 200);
    }

    /** A rolled-back insert: its global index stays unused, a gap in the event store's order that never fills. */
    private void wasteAGlobalIndex() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry "
                    + "(event_identifier, aggregate_identifier, sequence_number, time_stamp, payload_type, payload) "
                    + "values (?, ?, 0, '2026-01-01T00:00:00Z', 'gap', ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "gap-" + UUID.randomUUID());
                insert.setBytes(3, new byte[]{0});
                insert.executeUpdate();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    @Test
    void cosignature_isServedWithTheCheckpoint_whenAConfiguredWitnessSignedIt() {
        JsonNode checkpoint = made().body();
        long size = checkpoint.path("tree_size").asLong();
        String text = SignedNote.parse(checkpoint.path("note").asText()).text();
        byte[] seed = Hex.decode(TestProperties.WITNESS_SEED);
        NoteKey witness = NoteKey.parse(TestProperties.WITNESS_KEY);
        String line = Cosignature.sign(text, witness, new KeyPairSigner(NodeId.of(Ed25519.fromSeed(seed).publicKey()),
                seed), clock.instant().getEpochSecond()).line();

        Response cosigned = api.postText("/api/v1/checkpoints/" + size + "/cosignatures", null, line);

        assertThat(cosigned.status()).as(String.valueOf(cosigned.body())).isEqualTo(201);
        SignedNote served = SignedNote.parse(api.get("/api/v1/checkpoints/" + size, null).body().path("note").asText());
        assertThat(served.signatures()).anySatisfy(signature ->
                assertThat(Cosignature.verify(text, witness, signature)).isPresent());
        assertThat(served.signedBy(nodeKey())).isTrue();
    }

    @Test
    void cosignature_isRefusedAndNotKept_whenItIsMalformedOrNotByAConfiguredWitness() {
        JsonNode checkpoint = made().body();
        long size = checkpoint.path("tree_size").asLong();
        String text = SignedNote.parse(checkpoint.path("note").asText()).text();
        byte[] seed = new byte[32];
        NoteKey stranger = new NoteKey("stranger.test/w", NoteKey.COSIGNATURE_V1, Ed25519.fromSeed(seed).publicKey());
        String line = Cosignature.sign(text, stranger, new KeyPairSigner(NodeId.of(stranger.publicKey()), seed), 1).line();

        Response malformed = api.postText("/api/v1/checkpoints/" + size + "/cosignatures", null, "not a line");
        Response unknown = api.postText("/api/v1/checkpoints/" + size + "/cosignatures", null, line);

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("BAD_SIGNATURE");
        assertThat(jdbc.queryForObject("select count(*) from checkpoint_cosignature where witness = ?", Integer.class,
                stranger.name())).isZero();
    }

    @Test
    void requests_answerClearProblems_whenInvalidUnknownOrNotAllowed() {
        made();
        Response forbidden = api.post("/api/v1/checkpoints", aliceToken, null);
        Response unknownSize = api.get("/api/v1/checkpoints/999999999", null);
        Response notANumber = api.get("/api/v1/checkpoints/abc", null);
        Response backwards = api.get("/api/v1/proofs/consistency?from=999999999", null);
        Response anonymousInclusion = api.get("/api/v1/proofs/inclusion?position=1", null);
        Response ambiguous = api.get("/api/v1/proofs/inclusion?position=1&seq=0", aliceToken);
        Response badVacant = api.get("/api/v1/proofs/inclusion?vacant=nope&seq=0", aliceToken);
        Response unknownEntry = api.get("/api/v1/proofs/inclusion?vacant=" + "vac_" + "a".repeat(52) + "&seq=0", aliceToken);

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
        assertThat(unknownSize.status()).isEqualTo(404);
        assertThat(unknownSize.code()).isEqualTo("NOT_FOUND");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(anonymousInclusion.status()).isEqualTo(401);
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(badVacant.status()).isEqualTo(400);
        assertThat(unknownEntry.status()).isEqualTo(404);
        assertThat(Json.write(unknownEntry.body())).contains("not in a checkpoint yet");
    }
}
