package dev.vacant.infra.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.vacant.grpc.tuples.v1.SpaceSnapshot;
import dev.vacant.grpc.vacants.v1.Bundle;
import dev.vacant.grpc.vacants.v1.DriftView;
import dev.vacant.grpc.vacants.v1.GenesisRequest;
import dev.vacant.grpc.vacants.v1.LogbookHead;
import dev.vacant.grpc.vacants.v1.Substrate;
import dev.vacant.grpc.vacants.v1.VacantState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON form {@link ProtoJson} walks is protobuf's JSON mapping of the field types the API uses: protobuf's own
 * parser reads it back into the same message, and it reads protobuf's own printing into the same message.
 */
class ProtoJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ProtoJson json = new ProtoJson(mapper);

    static List<Message> messages() {
        Struct params = Struct.newBuilder()
                .putFields("temperature", Value.newBuilder().setNumberValue(0.25).build())
                .putFields("max_tokens", Value.newBuilder().setNumberValue(512).build())
                .putFields("stream", Value.newBuilder().setBoolValue(true).build())
                .putFields("stop", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
                .putFields("tags", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(Value.newBuilder().setStringValue("a"))
                        .addValues(Value.newBuilder().setStructValue(Struct.newBuilder()
                                .putFields("deep", Value.newBuilder().setNumberValue(-3).build())))).build())
                .build();
        return List.of(
                GenesisRequest.newBuilder().setController("ctl_alice").setState("DORMANT")
                        .setBundle(Bundle.newBuilder().setSystemPrompt("be kind\u0000?").addToolWhitelist("read")
                                .addToolWhitelist("write"))
                        .setSubstrate(Substrate.newBuilder().setProvider("p").setModel("m").setParams(params))
                        .build(),
                VacantState.newBuilder().setId("vac_1").setState("ACTIVE")
                        .setLogbookHead(LogbookHead.newBuilder().setSeq(7).setHash("ab")).setPosition(9007199254740993L)
                        .build(),
                DriftView.newBuilder().setVacant("vac_2").setAnchorCount(3).addAnchorMean(1).addAnchorMean(2.5)
                        .addAnchorStd(-0.125).setLatestDriftMilli(0).setThresholdMilli(250).setDrifting(true).build(),
                SpaceSnapshot.newBuilder().setTuples(12).putLanes("0", 5).putLanes("lane-1", Long.MAX_VALUE).build());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void tree_isReadBackByProtobufsOwnParser_intoTheSameMessage(Message message) throws Exception {
        Message.Builder parsed = message.newBuilderForType();
        JsonFormat.parser().merge(ProtoJson.tree(message).toString(), parsed);

        assertThat(parsed.build()).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void write_readsProtobufsOwnPrinting_intoTheSameMessage(Message message) throws Exception {
        JsonNode printed = mapper.readTree(JsonFormat.printer().print(message));

        assertThat((Message) json.write(printed, message.newBuilderForType())).isEqualTo(message);
    }

    @Test
    void tree_namesFieldsAsProtoDoes_withNumbersAsNumbers_andOnlyTheFieldsThatAreSet() throws Exception {
        JsonNode drift = ProtoJson.tree(messages().get(2));

        assertThat(drift.fieldNames()).toIterable().containsExactly("vacant", "anchor_count", "anchor_mean",
                "anchor_std", "latest_drift_milli", "threshold_milli", "drifting");
        assertThat(drift.get("latest_drift_milli").isIntegralNumber()).as("a set optional, even at 0").isTrue();
        assertThat(drift.get("threshold_milli").longValue()).isEqualTo(250);
        assertThat(drift.get("anchor_mean").toString()).isEqualTo("[1,2.5]");
        assertThat(ProtoJson.tree(messages().get(1)).get("position").longValue()).isEqualTo(9007199254740993L);
        JsonNode params = ProtoJson.tree(messages().get(0)).at("/substrate/params");
        assertThat(mapper.readTree(params.toString())).isEqualTo(mapper.readTree("{\"temperature\":0.25,"
                + "\"max_tokens\":512,\"stream\":true,\"stop\":null,\"tags\":[\"a\",{\"deep\":-3}]}"));
    }

    @Test
    void read_givesTheRestRecordItsFields() {
        record Head(long seq, String hash) {
        }
        record State(String id, String state, Head logbook_head, long position) {
        }

        assertThat(json.read(messages().get(1), State.class))
                .isEqualTo(new State("vac_1", "ACTIVE", new Head(7, "ab"), 9007199254740993L));
    }

    @Test
    void write_skipsUnknownFieldsAndNulls_andTakesNumbersWrittenAsStrings() {
        Map<String, Object> view = new HashMap<>(Map.of("vacant", "vac_3", "not_in_the_message", 1,
                "anchorCount", "4", "anchor_mean", List.of(1, "2.5")));
        view.put("version", null);

        DriftView written = json.write(view, DriftView.newBuilder());

        assertThat(written).isEqualTo(DriftView.newBuilder().setVacant("vac_3").setAnchorCount(4)
                .addAnchorMean(1).addAnchorMean(2.5).build());
    }

    @Test
    void aViewThatDoesNotFit_isRefused() {
        assertThatThrownBy(() -> json.write(Map.of("vacant", Map.of("an", "object")), DriftView.newBuilder()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vacant.vacants.v1.DriftView");
        assertThatThrownBy(() -> json.write(Map.of("anchor_count", 1.5), DriftView.newBuilder()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> json.write(Map.of("anchor_mean", 1), DriftView.newBuilder()))
                .isInstanceOf(IllegalStateException.class);
    }
}
