package dev.vacant.command.tuple.space;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.Tuple;
import java.util.List;

/** The snake_case JSON of tuples in replies. */
public final class TupleJson {

    private TupleJson() {
    }

    public static ObjectNode of(Tuple tuple) {
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

    /** {@code {"tuple": ...}} or {@code {"tuple": null}}. */
    public static ObjectNode tupleResult(Tuple tuple) {
        ObjectNode result = Json.object();
        result.set("tuple", tuple == null ? null : of(tuple));
        return result;
    }

    /** {@code {"tuples": [...]}}. */
    public static ObjectNode tuplesResult(List<Tuple> tuples) {
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("tuples");
        tuples.forEach(tuple -> array.add(of(tuple)));
        return result;
    }
}
