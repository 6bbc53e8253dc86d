package dev.vacant.kernel.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.vacant.kernel.input.NumberRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published RFC 8785 vectors ({@code docs/test-vectors/jcs-rfc8785.json}): the Appendix B number table, the
 * section 3.2.2 sample object and the 3.2.3 sorting example, and the numbers the API refuses rather than round.
 */
class Rfc8785VectorsTest {

    private static final Path VECTORS = Path.of("..", "docs", "test-vectors", "jcs-rfc8785.json");

    private static JsonNode vectors() throws IOException {
        return Json.parse(Files.readString(VECTORS));
    }

    /** The canonical text of one value (the canonicalizer takes objects and arrays only, so inside an array). */
    private static String jcs(JsonNode value) {
        String array = CanonicalJson.canonicalText(Json.mapper().createArrayNode().add(value));
        return array.substring(1, array.length() - 1);
    }

    private static double ieee754(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    @Test
    void numbers_serializeAsAppendixB_forEveryRowOfTheTable() throws IOException {
        JsonNode numbers = vectors().get("numbers");
        assertThat(numbers).hasSize(24);
        for (JsonNode row : numbers) {
            double value = ieee754(row.get("ieee754_hex").asText());
            assertThat(jcs(DoubleNode.valueOf(value)))
                    .as(row.get("ieee754_hex").asText()).isEqualTo(row.get("jcs").asText());
        }
    }

    @Test
    void nonFiniteNumbers_areRefused_notSerialized() throws IOException {
        for (JsonNode hex : vectors().get("not_serializable")) {
            DoubleNode value = DoubleNode.valueOf(ieee754(hex.asText()));
            assertThatThrownBy(() -> CanonicalJson.canonicalize(value)).isInstanceOf(IllegalArgumentException.class);
            assertThat(NumberRule.EXACT.violation(value)).as(hex.asText()).isPresent();
        }
    }

    @Test
    void objects_canonicalizeToTheRfcText_forTheSampleAndTheSortingExample() throws IOException {
        for (JsonNode object : vectors().get("objects")) {
            assertThat(new String(CanonicalJson.canonicalize(object.get("input").asText()), StandardCharsets.UTF_8))
                    .as(object.get("name").asText()).isEqualTo(object.get("jcs").asText());
        }
    }

    @Test
    void inexactOrFractionalNumbers_areRefusedForSignedPayloads_insteadOfSignedRounded() throws IOException {
        for (JsonNode text : vectors().get("i_json_rejected")) {
            JsonNode payload = Json.parse("{\"n\":" + text.asText() + "}");
            assertThat(NumberRule.INTEGERS.violation(payload.get("n"))).as(text.asText()).isPresent();
            assertThatThrownBy(() -> CanonicalJson.canonicalizeSigned(payload)).as(text.asText())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void integersBeyondTwoToThe53_wouldBeSignedRounded_whichIsWhyTheyAreRefused() {
        assertThat(jcs(Json.parse("9007199254740993"))).isEqualTo("9007199254740992");
        assertThat(jcs(Json.parse("1000000000000000000000"))).isEqualTo("1e+21");
        assertThat(NumberRule.EXACT.violation(Json.parse("9007199254740993"))).isPresent();
        assertThat(NumberRule.EXACT.violation(Json.parse("9007199254740991"))).isEmpty();
        assertThat(NumberRule.INTEGERS.violation(Json.parse("-9007199254740991"))).isEmpty();
        assertThat(CanonicalJson.canonicalizeSigned(Json.parse("{\"n\":9007199254740991}")))
                .asString(StandardCharsets.UTF_8).isEqualTo("{\"n\":9007199254740991}");
    }
}
