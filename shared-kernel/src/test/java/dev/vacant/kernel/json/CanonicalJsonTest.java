package dev.vacant.kernel.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 8785 examples: section 3.2.2 (values, escaping, numbers) and 3.2.3 (sorting by UTF-16 code units). */
class CanonicalJsonTest {

    private static String jcs(String json) {
        return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
    }

    @Test
    void canonicalize_matchesRfc8785Section322Example() {
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";

        assertThat(jcs(input)).isEqualTo("{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void canonicalize_sortsKeysByUtf16CodeUnits_rfc8785Section323() {
        String input = "{\n"
                + "  \"\\u20ac\": \"Euro Sign\",\n"
                + "  \"\\r\": \"Carriage Return\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
                + "  \"1\": \"One\",\n"
                + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
                + "  \"\\u0080\": \"Control\",\n"
                + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
                + "}";

        assertThat(jcs(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void canonicalize_writesIntegersPlainAndNestedObjectsSorted() {
        assertThat(jcs("{\"b\":{\"z\":1,\"a\":-20},\"a\":[3,2,1],\"c\":9007199254740991}"))
                .isEqualTo("{\"a\":[3,2,1],\"b\":{\"a\":-20,\"z\":1},\"c\":9007199254740991}");
    }

    @Test
    void canonicalizeSigned_rejectsFractionalNumbers() {
        assertThatThrownBy(() -> CanonicalJson.canonicalizeSigned(Json.parse("{\"a\":{\"drift\":0.5}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integers");
        assertThat(CanonicalJson.canonicalText(Json.parse("{\"drift_milli\":500}"))).isEqualTo("{\"drift_milli\":500}");
    }
}
