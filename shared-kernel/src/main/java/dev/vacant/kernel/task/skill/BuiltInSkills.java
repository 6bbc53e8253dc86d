package dev.vacant.kernel.task.skill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.drift.Stylo16;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The local skills every node ships, all pure and idempotent; each answers a JSON object. */
public final class BuiltInSkills {

    private BuiltInSkills() {
    }

    /** Every built-in skill, in routing tie-break order. */
    public static List<Skill> all() {
        return List.of(
                skill("json.validate", Set.of("json", "validate", "valid", "parse"), BuiltInSkills::validateJson),
                skill("json.canonicalize", Set.of("json", "canonical", "canonicalize", "jcs"), BuiltInSkills::canonicalJson),
                skill("text.stylo16", Set.of("stylo", "stylo-16", "style", "fingerprint", "statistics"),
                        BuiltInSkills::stylo16),
                skill("text.count", Set.of("count", "words", "lines", "characters"), BuiltInSkills::count),
                skill("checksum", Set.of("checksum", "sha256", "sha-256", "hash", "digest", "blake2b"),
                        BuiltInSkills::checksum),
                skill("base64.encode", Set.of("base64", "encode", "encoding"), BuiltInSkills::base64Encode),
                skill("base64.decode", Set.of("base64", "decode", "decoding"), BuiltInSkills::base64Decode),
                skill("lines.sort", Set.of("sort", "sorted", "lines", "alphabetical", "alphabetically"),
                        BuiltInSkills::sortLines));
    }

    private static Skill skill(String name, Set<String> keywords, Function<String, SkillOutput> executor) {
        return new Skill() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> keywords() {
                return keywords;
            }

            @Override
            public boolean idempotent() {
                return true;
            }

            @Override
            public SkillOutput run(String input) {
                return executor.apply(input);
            }

            @Override
            public String toString() {
                return "Skill[" + name + "]";
            }
        };
    }

    /** {@code {"valid": true, "type": "object"|"array"|...}} or {@code {"valid": false, "error": ...}}. */
    static SkillOutput validateJson(String input) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            JsonNode node = parse(input);
            answer.put("valid", true);
            answer.put("type", node.getNodeType().name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            answer.put("valid", false);
            answer.put("error", malformed.getMessage());
        }
        return SkillOutput.of(answer);
    }

    /** {@code {"canonical": "<RFC 8785 JCS text>"}}, or an error for malformed JSON. */
    static SkillOutput canonicalJson(String input) {
        try {
            return SkillOutput.of(Map.of("canonical",
                    CanonicalJson.canonicalText(parse(input))));
        } catch (IllegalArgumentException malformed) {
            return SkillOutput.failed(malformed.getMessage());
        }
    }

    /** {@code {"version": "stylo16/1", "features_millionths": [16 integers]}}, or an error over 64 KiB. */
    static SkillOutput stylo16(String input) {
        try {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("version", Stylo16.VERSION);
            answer.put("features_millionths", Stylo16.toMillionths(Stylo16.features(input)));
            return SkillOutput.of(answer);
        } catch (IllegalArgumentException tooLong) {
            return SkillOutput.failed(tooLong.getMessage());
        }
    }

    /** {@code {"characters", "words", "lines", "bytes"}}: code points, runs of letters or digits, {@code \n}-split lines, UTF-8 bytes. */
    static SkillOutput count(String input) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("characters", input.codePointCount(0, input.length()));
        answer.put("words", input.isBlank() ? 0 : input.strip().split("[^\\p{L}\\p{N}']+").length);
        answer.put("lines", input.isEmpty() ? 0 : input.split("\n", -1).length);
        answer.put("bytes", input.getBytes(StandardCharsets.UTF_8).length);
        return SkillOutput.of(answer);
    }

    /** {@code {"bytes", "sha256", "blake2b_256"}} of the input's UTF-8 bytes, lowercase hex. */
    static SkillOutput checksum(String input) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bytes", bytes.length);
        answer.put("sha256", Hex.encode(sha256(bytes)));
        answer.put("blake2b_256", Blake2b.hex256(bytes));
        return SkillOutput.of(answer);
    }

    /** {@code {"base64": ...}}: the input's UTF-8 bytes in standard Base64 (RFC 4648, padded). */
    static SkillOutput base64Encode(String input) {
        return SkillOutput.of(Map.of("base64",
                Base64.getEncoder().encodeToString(input.getBytes(StandardCharsets.UTF_8))));
    }

    /** {@code {"text": ...}}: standard or URL-safe Base64 decoded as UTF-8 text, or an error output. */
    static SkillOutput base64Decode(String input) {
        String compact = input.replaceAll("\\s+", "");
        try {
            byte[] bytes = (compact.matches(".*[-_].*") ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact);
            return SkillOutput.of(Map.of("text", StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString()));
        } catch (IllegalArgumentException malformed) {
            return SkillOutput.failed("malformed Base64: " + malformed.getMessage());
        } catch (CharacterCodingException binary) {
            return SkillOutput.failed("the decoded bytes are not UTF-8 text");
        }
    }

    /** {@code {"lines": [...]}}: the input's lines (blank ones dropped, trailing whitespace trimmed) in code point order. */
    static SkillOutput sortLines(String input) {
        return SkillOutput.of(Map.of("lines", input.lines().map(String::stripTrailing).filter(line -> !line.isEmpty())
                .sorted(BuiltInSkills::compareCodePoints).toList()));
    }

    private static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** One JSON document; empty input is malformed too. */
    private static JsonNode parse(String input) {
        JsonNode node = Json.parse(input);
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("malformed JSON: no content");
        }
        return node;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("every Java platform has SHA-256", absent);
        }
    }
}
