package dev.vacant.kernel.lane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Shrinks a tuple's data before a provider call: every string value (at any depth) longer than {@code limit}
 * characters (code points) becomes
 * {@code {compressed: true, encoding: "sha256+head_tail", digest, original_chars, preview}}, the preview being
 * the first {@code limit / 2} characters, a {@value #GAP} marker and the last {@code ceil(limit / 4)}.
 * The input is never modified.
 */
public final class ContextCompression {

    /** The encoding named in a compressed value. */
    public static final String ENCODING = "sha256+head_tail";

    /** What separates head and tail in the preview. */
    public static final String GAP = "\n...[compressed]...\n";

    private final int limit;

    /** @param limit the longest string kept as it is; at least 4 */
    public ContextCompression(int limit) {
        if (limit < 4) {
            throw new IllegalArgumentException("limit must be at least 4, was " + limit);
        }
        this.limit = limit;
    }

    /** A copy of {@code data} with every overlong string value compressed. */
    public JsonNode compress(JsonNode data) {
        if (data.isTextual()) {
            return compressText(data.textValue());
        }
        if (data.isObject()) {
            ObjectNode copy = Json.object();
            data.fields().forEachRemaining(field -> copy.set(field.getKey(), compress(field.getValue())));
            return copy;
        }
        if (data.isArray()) {
            ArrayNode copy = Json.mapper().createArrayNode();
            data.forEach(item -> copy.add(compress(item)));
            return copy;
        }
        return data;
    }

    private JsonNode compressText(String text) {
        int chars = text.codePointCount(0, text.length());
        if (chars <= limit) {
            return Json.mapper().getNodeFactory().textNode(text);
        }
        String head = text.substring(0, text.offsetByCodePoints(0, limit / 2));
        String tail = text.substring(text.offsetByCodePoints(text.length(), -((limit + 3) / 4)));
        return Json.object()
                .put("compressed", true)
                .put("encoding", ENCODING)
                .put("digest", sha256(text))
                .put("original_chars", chars)
                .put("preview", head + GAP + tail);
    }

    private static String sha256(String text) {
        try {
            return Hex.encode(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
