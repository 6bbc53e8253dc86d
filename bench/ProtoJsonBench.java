import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.vacant.grpc.vacants.v1.Bundle;
import dev.vacant.grpc.vacants.v1.GenesisRequest;
import dev.vacant.grpc.vacants.v1.HeartbeatRequest;
import dev.vacant.grpc.vacants.v1.Substrate;
import dev.vacant.grpc.vacants.v1.VacantState;
import dev.vacant.infra.grpc.ProtoJson;
import dev.vacant.infra.web.vacant.VacantRequests.GenesisBody;
import dev.vacant.infra.web.vacant.VacantRequests.HeartbeatBody;
import java.util.Map;

/**
 * The gRPC bridge's cost per command: a request read into its REST body and the answer written into its message, with
 * {@link ProtoJson} (a walk of the descriptors into a Jackson tree and back) against the baseline, the same two steps
 * through protobuf's {@code JsonFormat} text (print, parse with Jackson; write with Jackson, parse with
 * {@code JsonFormat}), in the same process. Prints microseconds per command and the ratio.
 * Usage: bench/run-protojson-bench.sh [seconds per round, 3] [rounds, 5]
 */
public class ProtoJsonBench {

    /** One way of reading a request as {@code type} and writing {@code view} into a message. */
    interface Bridge {
        <T> T read(MessageOrBuilder message, Class<T> type) throws Exception;

        Message write(Object view, Message.Builder builder) throws Exception;
    }

    /** The baseline: protobuf's JSON text in between. */
    static Bridge viaText(ObjectMapper mapper) {
        JsonFormat.Printer printer = JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
        JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();
        return new Bridge() {
            public <T> T read(MessageOrBuilder message, Class<T> type) throws Exception {
                return mapper.treeToValue(new ObjectMapper().readTree(printer.print(message)), type);
            }

            public Message write(Object view, Message.Builder builder) throws Exception {
                parser.merge(mapper.writeValueAsString(view), builder);
                return builder.build();
            }
        };
    }

    static Bridge walk(ObjectMapper mapper) {
        ProtoJson json = new ProtoJson(mapper);
        return new Bridge() {
            public <T> T read(MessageOrBuilder message, Class<T> type) {
                return json.read(message, type);
            }

            public Message write(Object view, Message.Builder builder) {
                return json.write(view, builder);
            }
        };
    }

    public static void main(String[] args) throws Exception {
        long nanosPerRound = (long) (Double.parseDouble(args.length > 0 ? args[0] : "3") * 1e9);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules() // as Spring Boot configures it
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        GenesisRequest genesis = GenesisRequest.newBuilder().setController("ctl_bench").setState("ACTIVE")
                .setBundle(Bundle.newBuilder().setSystemPrompt("You are a careful assistant.").setPolicyDsl("allow: read")
                        .addToolWhitelist("read").addToolWhitelist("write"))
                .setSubstrate(Substrate.newBuilder().setProvider("local").setModel("m-1").setModelFamily("m")
                        .setParams(Struct.newBuilder().putFields("temperature",
                                Value.newBuilder().setNumberValue(0.2).build())))
                .build();
        HeartbeatRequest heartbeat = HeartbeatRequest.newBuilder().setId("vac_bench")
                .setExtra(Struct.newBuilder().putFields("load", Value.newBuilder().setNumberValue(3).build())).build();
        JsonNode answer = mapper.valueToTree(Map.of("id", "vac_bench", "state", "ACTIVE",
                "logbook_head", Map.of("seq", 12, "hash", "9f".repeat(32)), "position", 123456789L));
        Bridge baseline = viaText(mapper);
        Bridge walk = walk(mapper);
        for (int round = 1; round <= rounds; round++) {
            double text = microsPerCommand(baseline, genesis, heartbeat, answer, nanosPerRound);
            double walked = microsPerCommand(walk, genesis, heartbeat, answer, nanosPerRound);
            System.out.printf("round %d: JsonFormat text %.2f us/command, ProtoJson walk %.2f us/command, ratio %.2fx%n",
                    round, text, walked, text / walked);
        }
    }

    /** A command's bridge work: two requests read (a genesis, a heartbeat), two answers written. */
    private static double microsPerCommand(Bridge bridge, GenesisRequest genesis, HeartbeatRequest heartbeat,
                                           JsonNode answer, long nanos) throws Exception {
        long commands = 0;
        long sink = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                sink += bridge.read(genesis, GenesisBody.class).controller().length();
                sink += bridge.read(heartbeat, HeartbeatBody.class).extra().size();
                sink += ((VacantState) bridge.write(answer, VacantState.newBuilder())).getPosition();
                sink += ((VacantState) bridge.write(answer, VacantState.newBuilder())).getLogbookHead().getSeq();
                commands += 2;
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        return (System.nanoTime() - start) / 1e3 / commands;
    }
}
