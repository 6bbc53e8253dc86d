package dev.vacant.kernel.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Canonical JSON of signed payloads (the RFC 8785 vectors are in {@link Rfc8785VectorsTest}). */
class CanonicalJsonTest {

    private static String jcs(String json) {
        return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
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
