package dev.vacant.kernel.lane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InputDigestTest {

    @Test
    void of_hashesTheCanonicalJsonOfYoolAndData_whateverTheKeyOrder() {
        String expected = Blake2b.hex256("{\"data\":{\"a\":1,\"b\":\"x\"},\"yool\":\"summarise\"}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(InputDigest.of("summarise", Json.parse("{\"b\":\"x\",\"a\":1}"))).isEqualTo(expected);
    }

    @Test
    void of_differs_whenOnlyTheYoolDiffers() {
        assertThat(InputDigest.of("a", Json.object())).isNotEqualTo(InputDigest.of("b", Json.object()));
    }
}
