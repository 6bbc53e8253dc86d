package dev.vacant.kernel.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The stored form of a signed event: exactly its logbook entry, {@code {"body", "hash", "sig"}}, in RFC 8785
 * canonical form. Reading it back takes only the JSON: no Java type is re-encoded, so neither an object mapper's
 * settings nor a renamed record can change what a stored row is.
 */
public final class StoredEntry {

    private static final Set<String> ENTRY_FIELDS = Set.of("body", "sig", "hash");
    private static final Set<String> BODY_FIELDS = Set.of("v", "vacant", "seq", "kind", "ts", "payload", "prev",
            "signer");

    private StoredEntry() {
    }

    /** The entry as a JSON object. */
    public static ObjectNode toJson(LogbookEntry entry) {
        ObjectNode json = Json.object();
        json.set("body", entry.body().toJson());
        json.put("sig", entry.sig());
        json.put("hash", entry.hash());
        return json;
    }

    /** The stored bytes of {@code entry}: its JCS. */
    public static byte[] encode(LogbookEntry entry) {
        return CanonicalJson.canonicalizeSigned(toJson(entry));
    }

    /**
     * The entry {@code stored} holds, if the bytes are JSON in canonical form (byte for byte the JCS of what they
     * parse to, so an equivalent spelling, whitespace or key order shows) and hold exactly an entry.
     */
    public static Optional<LogbookEntry> decodeCanonical(byte[] stored) {
        try {
            JsonNode tree = Json.mapper().readTree(stored);
            return tree != null && Arrays.equals(CanonicalJson.canonicalize(tree), stored) ? read(tree)
                    : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The entry a JSON tree holds: exactly the three entry fields and the eight body fields, with their JSON types. */
    public static Optional<LogbookEntry> read(JsonNode tree) {
        JsonNode body = tree.path("body");
        if (!fieldsAre(tree, ENTRY_FIELDS) || !fieldsAre(body, BODY_FIELDS) || !texts(tree, "sig", "hash")
                || !texts(body, "v", "vacant", "kind", "ts", "signer") || !body.get("seq").isIntegralNumber() || !body.get("payload").isObject()
                || !(body.get("prev").isNull() || body.get("prev").isTextual())) {
            return Optional.empty();
        }
        LogbookBody parsed = new LogbookBody(body.get("v").asText(), body.get("vacant").asText(),
                body.get("seq").asLong(), body.get("kind").asText(), body.get("ts").asText(),
                (ObjectNode) body.get("payload"), body.get("prev").isNull() ? null : body.get("prev").asText(),
                body.get("signer").asText());
        return Optional.of(new LogbookEntry(parsed, tree.get("sig").asText(), tree.get("hash").asText()));
    }

    private static boolean fieldsAre(JsonNode node, Set<String> names) {
        if (!node.isObject() || node.size() != names.size()) {
            return false;
        }
        return names.stream().allMatch(node::has);
    }

    private static boolean texts(JsonNode node, String... names) {
        return Arrays.stream(names).allMatch(name -> node.get(name).isTextual());
    }
}
