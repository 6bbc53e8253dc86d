package dev.vacant.infra.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.support.CliRun;
import dev.vacant.infra.support.TestProperties;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.checkpoint.Checkpoint;
import dev.vacant.kernel.checkpoint.Cosignature;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;
import dev.vacant.kernel.checkpoint.SignedNote;
import dev.vacant.kernel.custody.NodeKeyCustody;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The CLI against the running node over loopback: {@code checkpoint latest|prove|verify} trust only the node key,
 * and {@code witness} cosigns a checkpoint only when the log grew from the last one it saw.
 */
class CheckpointCliTest extends VacantApiTestBase {

    @TempDir
    Path dir;
    @Autowired
    NodeKeyCustody nodeCustody;

    private String url;
    private String nodeKey;


    @BeforeEach
    void node() {
        url = "http://127.0.0.1:" + port;
        nodeKey = made().path("node_key").asText();
    }

    private JsonNode made() {
        return api.post("/api/v1/checkpoints", operator, null).body();
    }

    private String genesis() {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
    }

    @Test
    void checkpoint_latestProveAndVerify_verifyAnEntryAndGrowthWithTheNodeKeyAlone() throws IOException {
        String vacant = genesis();
        made();
        Path kept = dir.resolve("kept.txt");
        Path inclusion = dir.resolve("inclusion.json");
        CliRun latest = CliRun.of("checkpoint", "latest", "--url", url, "--node-key", nodeKey, "--save", kept.toString());
        CliRun proved = CliRun.of("checkpoint", "prove", "--url", url, "--node-key", nodeKey, "--token", aliceToken,
                "--checkpoint", kept.toString(), "--vacant", vacant, "--seq", "0", "--save", inclusion.toString());
        genesis();
        made();
        Path consistency = dir.resolve("consistency.json");
        Path newer = dir.resolve("newer.txt");
        CliRun.of("checkpoint", "latest", "--url", url, "--node-key", nodeKey, "--save", newer.toString());
        CliRun grew = CliRun.of("checkpoint", "prove", "--url", url, "--node-key", nodeKey, "--checkpoint", newer.toString(),
                "--from", kept.toString(), "--save", consistency.toString());

        assertThat(latest.exitCode()).as(latest.err()).isZero();
        assertThat(SignedNote.parse(Files.readString(kept)).signedBy(NoteKey.parse(nodeKey))).isTrue();
        assertThat(proved.exitCode()).as(proved.out() + proved.err()).isZero();
        assertThat(proved.out()).contains("VERIFIED inclusion proof");
        assertThat(grew.exitCode()).as(grew.out() + grew.err()).isZero();
        assertThat(CliRun.of("checkpoint", "verify", "--node-key", nodeKey, "--checkpoint", kept.toString(), "--proof",
                inclusion.toString()).exitCode()).isZero();
        assertThat(CliRun.of("checkpoint", "verify", "--node-key", nodeKey, "--checkpoint", newer.toString(), "--proof",
                consistency.toString(), "--from", kept.toString()).exitCode()).isZero();
    }

    @Test
    void checkpoint_verify_saysNotVerified_forAnotherEntryHashOrAnotherKey() throws IOException {
        String vacant = genesis();
        made();
        Path kept = dir.resolve("kept.txt");
        Path inclusion = dir.resolve("inclusion.json");
        CliRun.of("checkpoint", "latest", "--url", url, "--node-key", nodeKey, "--save", kept.toString());
        CliRun.of("checkpoint", "prove", "--url", url, "--node-key", nodeKey, "--token", aliceToken, "--checkpoint",
                kept.toString(), "--vacant", vacant, "--seq", "0", "--save", inclusion.toString());
        String otherKey = new NoteKey(NoteKey.parse(nodeKey).name(), NoteKey.ED25519, new byte[32]).vkey();

        CliRun otherHash = CliRun.of("checkpoint", "verify", "--node-key", nodeKey, "--checkpoint", kept.toString(), "--proof",
                inclusion.toString(), "--entry-hash", "00".repeat(32));
        CliRun wrongKey = CliRun.of("checkpoint", "verify", "--node-key", otherKey, "--checkpoint", kept.toString());

        assertThat(otherHash.exitCode()).isEqualTo(1);
        assertThat(otherHash.out()).contains("NOT VERIFIED");
        assertThat(wrongKey.exitCode()).isEqualTo(1);
    }

    @Test
    void witness_cosignsWhenTheLogGrew_andTheNodeServesTheCosignature() throws IOException {
        Path key = Files.writeString(dir.resolve("witness.key"), TestProperties.WITNESS_SEED);
        Path state = dir.resolve("state.txt");
        CliRun first = witness(key, state);
        genesis();
        JsonNode grown = made();
        CliRun second = witness(key, state);

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("COSIGNED size " + grown.path("tree_size").asLong(),
                "witness key: " + TestProperties.WITNESS_KEY);
        SignedNote served = SignedNote.parse(api.get("/api/v1/checkpoints/" + grown.path("tree_size").asLong(), null)
                .body().path("note").asText());
        assertThat(served.signatures()).anySatisfy(line -> assertThat(Cosignature.verify(served.text(),
                NoteKey.parse(TestProperties.WITNESS_KEY), line)).isPresent());
    }

    @Test
    void witness_refusesAndPostsNothing_whenTheNodeShowsAForkedOrShrunkHistory() throws IOException {
        Path key = Files.writeString(dir.resolve("witness.key"), TestProperties.WITNESS_SEED);
        JsonNode latest = made();
        long size = latest.path("tree_size").asLong();
        Checkpoint real = SignedCheckpoint.open(latest.path("note").asText(), NoteKey.parse(nodeKey)).checkpoint();
        Path forked = stateOf(new Checkpoint(real.origin(), size - 1, new byte[32]));
        Path larger = stateOf(new Checkpoint(real.origin(), size + 100, real.rootHash()));
        int cosignaturesBefore = cosignatures();

        CliRun fork = witness(key, forked);
        CliRun shrink = witness(key, larger);

        assertThat(fork.exitCode()).isEqualTo(1);
        assertThat(fork.out()).contains("REFUSED", "INCONSISTENT");
        assertThat(shrink.exitCode()).isEqualTo(1);
        assertThat(shrink.out()).contains("REFUSED", "SHRANK");
        assertThat(cosignatures()).isEqualTo(cosignaturesBefore);
    }

    /** A state file holding a checkpoint the node key signed: the split view a dishonest node would show. */
    private Path stateOf(Checkpoint checkpoint) throws IOException {
        return Files.writeString(dir.resolve("state-" + checkpoint.size() + ".txt"),
                SignedCheckpoint.sign(checkpoint, nodeCustody.node()).note().format());
    }

    private int cosignatures() {
        return jdbc.queryForObject("select count(*) from checkpoint_cosignature", Integer.class);
    }

    private CliRun witness(Path key, Path state) {
        List<String> args = new ArrayList<>(List.of("witness", "--once", "--url", url, "--node-key", nodeKey,
                "--name", NoteKey.parse(TestProperties.WITNESS_KEY).name(), "--key", key.toString(),
                "--state", state.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }
}
