package dev.vacant.kernel.spawn;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;

/** Where a vacant runs: provider, model, model family and provider params (a JSON object of at most 4 KiB). */
public record SubstrateSpec(String provider, String model, @JsonProperty("model_family") String modelFamily,
                            ObjectNode params) {

    public static final int MAX_PARAMS_BYTES = 4 * 1024;

    public SubstrateSpec {
        provider = requireName("provider", provider);
        model = requireName("model", model);
        modelFamily = requireName("model_family", modelFamily);
        params = params == null ? Json.object() : params.deepCopy();
        if (CanonicalJson.canonicalize(params).length > MAX_PARAMS_BYTES) {
            throw BehaviorBundle.invalid("params is over " + MAX_PARAMS_BYTES + " bytes");
        }
    }

    private static String requireName(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 256) {
            throw BehaviorBundle.invalid(field + " is required (1..256 characters)");
        }
        return value;
    }

    /** BLAKE2b-256 hex over the JCS of this spec. */
    public String digest() {
        return Blake2b.hex256(CanonicalJson.canonicalize(Json.mapper().valueToTree(this)));
    }
}
