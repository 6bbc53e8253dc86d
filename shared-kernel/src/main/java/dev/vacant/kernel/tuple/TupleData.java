package dev.vacant.kernel.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import java.nio.charset.StandardCharsets;

/** Rules and digests of a tuple's {@code data}: a JSON object of at most 256 KiB (UTF-8 JSON). */
public final class TupleData {

    public static final int MAX_BYTES = 256 * 1024;

    private TupleData() {
    }

    /** Validates {@code data} (null means an empty object) and returns it as an object. */
    public static ObjectNode require(String field, JsonNode data) {
        if (data == null || data.isNull()) {
            return Json.object();
        }
        TupleRules.require(data.isObject(), field, "must be a JSON object");
        TupleRules.require(Json.write(data).getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES, field,
                "must be at most 256 KiB");
        return (ObjectNode) data;
    }

    /** BLAKE2b-256 hex over the canonical JSON (JCS) of {@code data}. */
    public static String digest(JsonNode data) {
        return Blake2b.hex256(CanonicalJson.canonicalize(data));
    }
}
