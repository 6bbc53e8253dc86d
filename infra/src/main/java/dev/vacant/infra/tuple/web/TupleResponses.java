package dev.vacant.infra.tuple.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.command.tuple.space.TupleResult;
import dev.vacant.command.tuple.space.TupleResultJson;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.TupleOp;
import java.util.List;
import java.util.Map;

/**
 * The typed answers of the tuple-space endpoints ({@code docs/tuples.md}): {@link #answer} reads an op's typed
 * {@link TupleResult} in its JSON form ({@link TupleResultJson}) as the endpoint's answer, at the edge. Only a tuple's
 * {@code data} and the execution lanes' metrics stay free-form.
 */
public final class TupleResponses {

    private static final ObjectReader READER = Json.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TupleResponses() {
    }

    /** Sends {@code op} through {@code gateway} and reads its reply as {@code type}. */
    static <T> T answer(TupleGateway gateway, Class<T> type, TupleOp op) {
        return read(gateway.request(op), type);
    }

    /** {@code result} as the answer type {@code type}. */
    static <T> T read(TupleResult result, Class<T> type) {
        return read(TupleResultJson.write(result), type);
    }

    /** A result's JSON as the answer type {@code type}. */
    static <T> T read(JsonNode result, Class<T> type) {
        try {
            return READER.treeToValue(result, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lane reply does not read as " + type.getSimpleName(), e);
        }
    }

    /**
     * A tuple: its envelope, its receipts and its {@code data}. A compressed agent's token has no data, but
     * {@code compressed: true} and the digest of its cold data.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TupleView(String id, String yool, List<Integer> map, long hilbert, String authority, String lane,
                            String source, String parentId, String agentId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) ObjectNode data, List<String> receipts,
                            String lastActive, String leaseExpires,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean compressed,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String dataDigest) {
    }

    /** {@code out}, {@code in}, {@code rd}, {@code route}: the tuple written, taken, read or routed (null: none). */
    public record TupleAnswer(TupleView tuple) {
    }

    /** A scan: the visible tuples. */
    public record TuplesAnswer(List<TupleView> tuples) {
    }

    /** A hookwall action: whether the wall holds the capability afterwards. */
    public record WallAnswer(String wall, String capability, boolean held) {
    }

    /** {@code spawn}, {@code restore}: the agent tuple. */
    public record AgentAnswer(TupleView agent) {
    }

    /** {@code materialize}: the virtual agent's tuple, and whether this call created it. */
    public record MaterializeAnswer(boolean created, TupleView agent) {
    }

    /** {@code batch-spawn}: the subtree's receipt, its size and its controller agent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BatchSpawnAnswer(String receipt, long virtualAgents, TupleView controller) {
    }

    /** {@code compress}: the agent's token (no data). */
    public record CompressAnswer(TupleView token) {
    }

    /** {@code prune-idle}: the agents compressed. */
    public record PruneAnswer(List<String> compressed) {
    }

    /** The space snapshot: counts per lane and per agent state, the execution lanes' metrics and the guardrail policy in force (free-form). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SnapshotAnswer(long tuples, Map<String, Long> lanes, long activeAgents, long compressedAgents,
                                 long virtualAgents, long totalAgents, ObjectNode execution, ObjectNode policy) {
    }
}
