package dev.vacant.kernel.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.input.NumberRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes every signature and hash is computed over.
 * Signed payloads must carry integers only; {@link #requireIntegers(JsonNode)} enforces that.
 * <p>
 * A JSON text is canonicalized by the reference implementation (it parses the text); a JSON tree is written in
 * canonical form directly (members sorted by UTF-16 code units, JCS string escapes, integers as their digits, other
 * numbers in ECMAScript form), which gives the same bytes without printing and parsing the tree once more.
 */
public final class CanonicalJson {

    /** The largest integer every IEEE 754 double holds exactly, the bound below which JCS prints plain digits. */
    private static final long EXACT_INTEGERS = (1L << 53) - 1;

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
        return canonicalText(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The JCS text of a JSON tree. */
    public static String canonicalText(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                names.sort(null); // String order is UTF-16 code unit order, as JCS sorts
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> number(node, out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> out.append(new String(canonicalize(Json.write(node)), StandardCharsets.UTF_8));
        }
    }

    /** Writes {@code value} as a JCS string: its run of characters that need no escape at once, then the rest. */
    private static void string(String value, StringBuilder out) {
        out.append('"');
        int plain = plainPrefix(value);
        if (plain == value.length()) {
            out.append(value).append('"');
            return;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"', '\\' -> out.append('\\').append(c);
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The length of {@code value}'s prefix that JCS writes as it is (no quote, backslash or control character). */
    private static int plainPrefix(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
        }
        return value.length();
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber() && node.canConvertToLong() && Math.abs(node.longValue()) <= EXACT_INTEGERS) {
            out.append(node.longValue());
            return;
        }
        try {
            out.append(NumberToJSON.serializeNumber(Double.parseDouble(node.asText())));
        } catch (IOException notFinite) {
            throw new IllegalArgumentException("cannot canonicalize JSON: " + notFinite.getMessage(), notFinite);
        }
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
