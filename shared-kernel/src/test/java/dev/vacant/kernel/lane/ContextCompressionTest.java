package dev.vacant.kernel.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import org.junit.jupiter.api.Test;

class ContextCompressionTest {

    private final ContextCompression compression = new ContextCompression(8);

    @Test
    void compress_replacesLongStringsAtEveryDepth_whenTheyExceedTheLimit() {
        JsonNode data = Json.parse("""
                {"prompt": "abcdefghijkl", "short": "abcdefgh", "n": 7,
                 "nested": {"list": ["0123456789", "ok", {"deep": "xyzxyzxyzx"}]}}""");

        JsonNode compressed = compression.compress(data);

        assertThat(compressed).isEqualTo(Json.parse("""
                {"prompt": {"compressed": true, "encoding": "sha256+head_tail",
                            "digest": "d682ed4ca4d989c134ec94f1551e1ec580dd6d5a6ecde9f3d35e6e4a717fbde4",
                            "original_chars": 12, "preview": "abcd\\n...[compressed]...\\nkl"},
                 "short": "abcdefgh", "n": 7,
                 "nested": {"list": [
                     {"compressed": true, "encoding": "sha256+head_tail",
                      "digest": "84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882",
                      "original_chars": 10, "preview": "0123\\n...[compressed]...\\n89"},
                     "ok",
                     {"deep": {"compressed": true, "encoding": "sha256+head_tail",
                               "digest": "0d67cf15816b25673540734a90f3f6825055eed87ec199abd76266ea152d9ca8",
                               "original_chars": 10, "preview": "xyzx\\n...[compressed]...\\nzx"}}]}}"""));
        assertThat(data.get("prompt").textValue()).isEqualTo("abcdefghijkl");
    }

    @Test
    void compress_countsCodePoints_whenTheStringHasSurrogatePairs() {
        String smiles = "\uD83D\uDE00".repeat(9);

        JsonNode compressed = compression.compress(Json.object().put("s", smiles)).get("s");

        assertThat(compressed.get("original_chars").intValue()).isEqualTo(9);
        assertThat(compressed.get("preview").textValue())
                .isEqualTo("\uD83D\uDE00".repeat(4) + ContextCompression.GAP + "\uD83D\uDE00".repeat(2));
    }

    @Test
    void construct_fails_whenTheLimitIsBelowFour() {
        assertThatThrownBy(() -> new ContextCompression(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be at least 4, was 3");
    }
}
