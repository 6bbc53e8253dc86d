package dev.vacant.kernel.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.input.NumberRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes every signature and hash is computed over.
 * Signed payloads must carry integers only; {@link #requireIntegers(JsonNode)} enforces that.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The JCS UTF-8 bytes of a JSON text. */
    public static byte[] canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot canonicalize JSON: " + e.getMessage(), e);
        }
    }

    /** The JCS UTF-8 bytes of a JSON tree. */
    public static byte[] canonicalize(JsonNode node) {
        return canonicalize(Json.write(node));
    }

    /** The JCS text of a JSON tree. */
    public static String canonicalText(JsonNode node) {
        return new String(canonicalize(node), StandardCharsets.UTF_8);
    }

    /** The JCS bytes of a signed payload: integers only, as {@code identity.md} requires. */
    public static byte[] canonicalizeSigned(JsonNode node) {
        requireIntegers(node);
        return canonicalize(node);
    }

    /**
     * Rejects any number anywhere in {@code node} that {@link NumberRule#INTEGERS} refuses: a fraction, or an integer
     * beyond +-(2^53 - 1), which JCS would sign rounded.
     */
    public static void requireIntegers(JsonNode node) {
        if (node.isNumber()) {
            NumberRule.INTEGERS.violation(node).ifPresent(reason -> {
                throw new IllegalArgumentException("numbers in signed payloads " + reason + ", found " + node);
            });
        }
        node.forEach(CanonicalJson::requireIntegers);
    }
}
