package dev.vacant.kernel.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.crypto.Blake2b;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BehaviorSampleTest {

    private static final String TEXT = "Grüße, world \uD83D\uDE00";

    @Test
    void of_keepsDigestLengthAndMillionths_ofTheText() {
        BehaviorSample sample = BehaviorSample.of(TEXT);

        assertThat(sample.digest()).isEqualTo(Blake2b.hex256(TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(sample.length()).isEqualTo(14);
        assertThat(sample.featuresMillionths()).containsExactly(Stylo16.toMillionths(Stylo16.features(TEXT)));
    }

    @Test
    void record_hasNoComponentForTheText() {
        assertThat(Arrays.stream(BehaviorSample.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("digest", "length", "featuresMillionths");
    }

    @Test
    void equals_comparesFeaturesByValue_andArraysAreCopied() {
        BehaviorSample sample = BehaviorSample.of(TEXT);
        long[] exposed = sample.featuresMillionths();
        exposed[0] = 0;

        assertThat(sample).isEqualTo(BehaviorSample.of(TEXT)).hasSameHashCodeAs(BehaviorSample.of(TEXT));
        assertThat(sample.featuresMillionths()[0]).isNotZero();
        assertThat(sample).isNotEqualTo(BehaviorSample.of(TEXT + "!"));
    }

    @Test
    void constructor_rejectsMalformedDigestNegativeLengthOrFeatures() {
        String digest = "ab".repeat(32);
        long[] features = new long[Stylo16.DIMENSIONS];

        assertThatThrownBy(() -> new BehaviorSample("AB".repeat(32), 1, features))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BehaviorSample(digest, -1, features)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BehaviorSample(digest, 1, new long[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_rejectsTextOver64KiB() {
        assertThatThrownBy(() -> BehaviorSample.of("x".repeat(Stylo16.MAX_UTF8_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
