package dev.vacant.kernel.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Published BLAKE2b-256 vectors (the reference implementation's output for "" and "abc"). */
class Blake2bTest {

    @Test
    void digest256_matchesPublishedVectors() {
        assertThat(Blake2b.hex256(new byte[0]))
                .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        assertThat(Blake2b.hex256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    }

    @Test
    void digest256_ofParts_equalsDigestOfConcatenation() {
        assertThat(Blake2b.hex256("a".getBytes(StandardCharsets.US_ASCII), "bc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Blake2b.hex256("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
