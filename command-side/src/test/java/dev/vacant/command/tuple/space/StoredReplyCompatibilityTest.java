package dev.vacant.command.tuple.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.command.tuple.space.TupleResult.Compressed;
import dev.vacant.command.tuple.space.TupleResult.Single;
import dev.vacant.command.tuple.space.TupleResult.Snapshot;
import dev.vacant.command.tuple.space.TupleResult.Wall;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replies stored before the results were typed stay readable: each sample under {@code tuple/replies/} is a reply
 * exactly as the lane worker stored it then ({@code tuple_op.reply}, also the Kafka reply), one per kind of result.
 * It decodes into its typed result and encodes back to the very same bytes, so a redelivered op still gets the reply
 * it got the first time, and the wire form (REST, gRPC and Kafka) is unchanged.
 */
class StoredReplyCompatibilityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "out, Single", "in, Single", "in-none, Single", "rd, Single", "route, Single", "scan, Scanned",
            "wall-hook, Wall", "wall-check, Wall", "wall-unhook, Wall", "spawn, Agent", "restore, Agent",
            "restore-active, Agent", "compress, Compressed", "compress-again, Compressed", "batch-spawn, BatchSpawned",
            "materialize, Materialized", "materialize-again, Materialized", "materialize-compressing, Materialized",
            "prune, Pruned", "prune-none, Pruned", "snapshot, Snapshot"})
    void aStoredReply_decodesIntoItsTypedResult_andEncodesToTheSameJson(String sample, String kind) throws IOException {
        String stored = sample(sample);

        EncodedReply decoded = EncodedReply.decode(stored);

        assertThat(decoded.reply().result().getClass().getSimpleName()).isEqualTo(kind);
        assertThat(decoded.reply().error()).isNull();
        assertThat(EncodedReply.of(decoded.reply()).json()).isEqualTo(stored);
    }

    @Test
    void aRejection_decodesWithItsCodeAndMessage_andEncodesToTheSameJson() throws IOException {
        String stored = sample("rejected");

        TupleReply reply = TupleCodec.reply(stored);

        assertThat(reply.result()).isNull();
        assertThat(reply.error()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(reply.message()).isEqualTo("no agent 'agt-x' in lane 'l'");
        assertThat(TupleCodec.write(reply)).isEqualTo(stored);
    }

    @Test
    void decodedResults_carryTheStoredFacts() throws IOException {
        Single out = TupleCodec.reply(sample("out")).result().as(Single.class);
        Compressed token = TupleCodec.reply(sample("compress")).result().as(Compressed.class);
        Snapshot snapshot = TupleCodec.reply(sample("snapshot")).result().as(Snapshot.class);

        assertThat(out.tuple().data()).isEqualTo(Json.parse(sample("out")).at("/result/tuple/data"));
        assertThat(out.tuple().hilbert()).isEqualTo(Json.parse(sample("out")).at("/result/tuple/hilbert").asLong());
        assertThat(token.dataDigest()).hasSize(64);
        assertThat(snapshot.totalAgents()).isEqualTo(Json.parse(sample("snapshot")).at("/result/total_agents").asLong());
    }

    @Test
    void aResultOfNoKnownShape_isRefused() {
        assertThatThrownBy(() -> TupleResultJson.read(Json.object().put("unknown", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no kind of tuple result");
    }

    @Test
    void asAnotherKind_isABrokenContract() {
        TupleResult none = new Single(null);

        assertThat(none.as(Single.class).found()).isEmpty();
        assertThatThrownBy(() -> none.as(Wall.class)).isInstanceOf(IllegalStateException.class);
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = StoredReplyCompatibilityTest.class.getResourceAsStream("/tuple/replies/" + name + ".json")) {
            assertThat(in).as("sample " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
