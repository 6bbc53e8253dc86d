package dev.vacant.command.tuple.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.tuple.space.TupleResult.Agent;
import dev.vacant.command.tuple.space.TupleResult.BatchSpawned;
import dev.vacant.command.tuple.space.TupleResult.Compressed;
import dev.vacant.command.tuple.space.TupleResult.Materialized;
import dev.vacant.command.tuple.space.TupleResult.Pruned;
import dev.vacant.command.tuple.space.TupleResult.Scanned;
import dev.vacant.command.tuple.space.TupleResult.Single;
import dev.vacant.command.tuple.space.TupleResult.Snapshot;
import dev.vacant.command.tuple.space.TupleResult.Wall;
import dev.vacant.command.tuple.space.TupleStore.SpaceCounts;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.Tuple;
import dev.vacant.kernel.tuple.TupleMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one JSON form of {@link TupleResult}s: the {@code result} of stored replies and Kafka replies
 * ({@link TupleCodec}) and the body of the REST and gRPC tuple answers ({@code docs/tuples.md}), snake_case.
 * {@link #read} reads every reply stored so far: a result's kind is told by the key only its kind has.
 */
public final class TupleResultJson {

    /** Each kind of result by the key that tells it apart, tried in this order (a snapshot also has {@code tuples}). */
    private static final List<Map.Entry<String, Function<JsonNode, TupleResult>>> KINDS = List.of(
            Map.entry("token", json -> new Compressed(tuple(json.get("token")), text(json.get("token"), "data_digest"))),
            Map.entry("controller", json -> new BatchSpawned(text(json, "receipt"),
                    required(json, "virtual_agents").asLong(), tuple(json.get("controller")))),
            Map.entry("created", json -> new Materialized(required(json, "created").asBoolean(),
                    tuple(json.get("agent")))),
            Map.entry("agent", json -> new Agent(tuple(json.get("agent")))),
            Map.entry("wall", json -> new Wall(text(json, "wall"), text(json, "capability"),
                    required(json, "held").asBoolean())),
            Map.entry("lanes", TupleResultJson::snapshot),
            Map.entry("tuples", json -> new Scanned(tuples(json.get("tuples")))),
            Map.entry("compressed", json -> new Pruned(texts(json.get("compressed")))),
            Map.entry("tuple", json -> new Single(json.get("tuple").isNull() ? null : tuple(json.get("tuple")))));

    private TupleResultJson() {
    }

    /** The JSON of {@code result}. */
    public static ObjectNode write(TupleResult result) {
        ObjectNode json = Json.object();
        if (result instanceof Single single) {
            json.set("tuple", single.tuple() == null ? null : tuple(single.tuple()));
        } else if (result instanceof Scanned scanned) {
            ArrayNode tuples = json.putArray("tuples");
            scanned.tuples().forEach(tuple -> tuples.add(tuple(tuple)));
        } else if (result instanceof Wall wall) {
            json.put("wall", wall.wall()).put("capability", wall.capability()).put("held", wall.held());
        } else if (result instanceof Agent agent) {
            json.set("agent", tuple(agent.agent()));
        } else if (result instanceof Materialized materialized) {
            json.put("created", materialized.created()).set("agent", tuple(materialized.agent()));
        } else if (result instanceof BatchSpawned batch) {
            json.put("receipt", batch.receipt()).put("virtual_agents", batch.virtualAgents())
                    .set("controller", tuple(batch.controller()));
        } else if (result instanceof Compressed compressed) {
            ObjectNode token = tuple(compressed.token());
            token.remove("data");
            json.set("token", token.put("compressed", true).put("data_digest", compressed.dataDigest()));
        } else if (result instanceof Pruned pruned) {
            ArrayNode agents = json.putArray("compressed");
            pruned.compressed().forEach(agents::add);
        } else if (result instanceof Snapshot snapshot) {
            writeSnapshot(json, snapshot);
        }
        return json;
    }

    /** The result {@code json} is the JSON of; {@link IllegalArgumentException} if it is none. */
    public static TupleResult read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a tuple result is a JSON object, not " + json);
        }
        return KINDS.stream().filter(kind -> json.has(kind.getKey())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind of tuple result has the keys of " + json))
                .getValue().apply(json);
    }

    /** The snake_case JSON of a tuple: envelope, {@code data}, receipts. */
    public static ObjectNode tuple(Tuple tuple) {
        ObjectNode json = Json.object()
                .put("id", tuple.id().toString())
                .put("yool", tuple.yool());
        ArrayNode map = json.putArray("map");
        tuple.map().coords().forEach(map::add);
        json.put("hilbert", tuple.hilbert())
                .put("authority", tuple.authority().value())
                .put("lane", tuple.lane())
                .put("source", tuple.source())
                .put("parent_id", tuple.parentId() == null ? null : tuple.parentId().toString())
                .put("agent_id", tuple.agentId())
                .set("data", tuple.data());
        ArrayNode receipts = json.putArray("receipts");
        tuple.receipts().forEach(receipts::add);
        json.put("last_active", tuple.lastActive().toString())
                .put("lease_expires", tuple.leaseExpires() == null ? null : tuple.leaseExpires().toString());
        return json;
    }

    private static void writeSnapshot(ObjectNode json, Snapshot snapshot) {
        SpaceCounts counts = snapshot.counts();
        json.put("tuples", counts.tuples());
        ObjectNode lanes = json.putObject("lanes");
        counts.lanes().forEach(lanes::put);
        json.put("active_agents", counts.activeAgents())
                .put("compressed_agents", counts.compressedAgents())
                .put("virtual_agents", counts.virtualAgents())
                .put("total_agents", snapshot.totalAgents())
                .set("execution", snapshot.execution());
        json.set("policy", snapshot.policy());
    }

    private static Snapshot snapshot(JsonNode json) {
        Map<String, Long> lanes = new LinkedHashMap<>();
        required(json, "lanes").fields().forEachRemaining(lane -> lanes.put(lane.getKey(), lane.getValue().asLong()));
        return new Snapshot(new SpaceCounts(required(json, "tuples").asLong(), lanes,
                required(json, "active_agents").asLong(), required(json, "compressed_agents").asLong(),
                required(json, "virtual_agents").asLong()), json.get("execution"), json.get("policy"));
    }

    /** A tuple from its JSON; a compress token has no {@code data} (an empty object stands for it). */
    private static Tuple tuple(JsonNode json) {
        List<Integer> coords = new ArrayList<>();
        required(json, "map").forEach(coord -> coords.add(coord.intValue()));
        JsonNode data = json.get("data");
        return new Tuple(UUID.fromString(text(json, "id")), text(json, "yool"), new TupleMap(coords),
                VacantId.parse(text(json, "authority")), text(json, "lane"), optionalText(json, "source"),
                optionalText(json, "parent_id") == null ? null : UUID.fromString(text(json, "parent_id")),
                optionalText(json, "agent_id"), data == null ? Json.object() : (ObjectNode) data,
                texts(required(json, "receipts")), Instant.parse(text(json, "last_active")),
                optionalText(json, "lease_expires") == null ? null : Instant.parse(text(json, "lease_expires")));
    }

    private static List<Tuple> tuples(JsonNode array) {
        List<Tuple> tuples = new ArrayList<>();
        array.forEach(tuple -> tuples.add(tuple(tuple)));
        return tuples;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("a tuple result lacks '" + field + "': " + json);
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        return required(json, field).asText();
    }

    private static String optionalText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
