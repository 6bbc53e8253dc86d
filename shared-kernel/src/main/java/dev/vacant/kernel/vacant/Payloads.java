package dev.vacant.kernel.vacant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.Json;

/** Converts the typed payload records of this package to and from the signed JSON payloads. */
public final class Payloads {

    private static final ObjectMapper READER = Json.mapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Payloads() {
    }

    public static ObjectNode toJson(Object payload) {
        return Json.mapper().valueToTree(payload);
    }

    public static <T> T read(JsonNode payload, Class<T> type) {
        return READER.convertValue(payload, type);
    }
}
