package dev.vacant.kernel.lane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;

/** The identity of an execution's input: BLAKE2b-256 hex over the JCS of {@code {"yool": yool, "data": data}}. */
public final class InputDigest {

    private InputDigest() {
    }

    /** Equal for equal yool and data, whatever the order of the data's keys. */
    public static String of(String yool, JsonNode data) {
        return Blake2b.hex256(CanonicalJson.canonicalize(Json.object().put("yool", yool).set("data", data)));
    }
}
