package dev.vacant.kernel.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnchorTest {

    private static List<long[]> randomSamples(int count) {
        Random random = new Random(16);
        List<long[]> samples = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            long[] sample = new long[Stylo16.DIMENSIONS];
            for (int i = 0; i < Stylo16.DIMENSIONS; i++) {
                sample[i] = random.nextInt(1_000_001);
            }
            samples.add(sample);
        }
        return samples;
    }

    @Test
    void empty_hasNoSamplesAndZeroMeanAndStd() {
        assertThat(Anchor.empty().count()).isZero();
        assertThat(Anchor.empty().mean()).hasSize(Stylo16.DIMENSIONS).containsOnly(0.0);
        assertThat(Anchor.empty().std()).hasSize(Stylo16.DIMENSIONS).containsOnly(0.0);
    }

    @Test
    void plus_matchesNaiveTwoPassMeanAndSampleStd() {
        List<long[]> samples = randomSamples(50);

        Anchor anchor = DriftFixtures.anchorOf(samples);

        assertThat(anchor.count()).isEqualTo(50);
        for (int i = 0; i < Stylo16.DIMENSIONS; i++) {
            int feature = i;
            double mean = samples.stream().mapToDouble(s -> s[feature] / 1e6).sum() / samples.size();
            double squares = samples.stream().mapToDouble(s -> Math.pow(s[feature] / 1e6 - mean, 2)).sum();
            assertThat(anchor.mean()[i]).isCloseTo(mean, within(1e-12));
            assertThat(anchor.std()[i]).isCloseTo(Math.sqrt(squares / (samples.size() - 1)), within(1e-12));
        }
    }

    @Test
    void std_usesNMinusOne_andIsZeroForOneSample() {
        long[] low = new long[Stylo16.DIMENSIONS];
        long[] high = new long[Stylo16.DIMENSIONS];
        high[0] = 1_000_000;

        Anchor one = Anchor.empty().plus(high);
        Anchor two = one.plus(low);

        assertThat(one.mean()[0]).isEqualTo(1.0);
        assertThat(one.std()).containsOnly(0.0);
        assertThat(two.mean()[0]).isEqualTo(0.5);
        assertThat(two.std()[0]).isCloseTo(Math.sqrt(0.5), within(1e-12));
    }

    @Test
    void plus_returnsNewAnchor_andLeavesTheOriginalUnchanged() {
        Anchor before = DriftFixtures.anchorOf(randomSamples(3));
        double[] meanBefore = before.mean();

        Anchor after = before.plus(new long[Stylo16.DIMENSIONS]);

        assertThat(after).isNotSameAs(before);
        assertThat(after.count()).isEqualTo(4);
        assertThat(before.count()).isEqualTo(3);
        assertThat(before.mean()).containsExactly(meanBefore);
    }

    @Test
    void plus_isBitForBitReproducible_whenReplayed() {
        List<long[]> samples = randomSamples(30);

        assertThat(DriftFixtures.anchorOf(samples).mean()).containsExactly(DriftFixtures.anchorOf(samples).mean());
        assertThat(DriftFixtures.anchorOf(samples).std()).containsExactly(DriftFixtures.anchorOf(samples).std());
    }

    @Test
    void plus_rejectsMalformedSample() {
        assertThatThrownBy(() -> Anchor.empty().plus(new long[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Anchor.empty().plus(new long[] {-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void complete_isTrue_onceCountReachesAnchorSize() {
        DriftSettings settings = new DriftSettings(3, 0.05, 6.0);

        assertThat(DriftFixtures.anchorOf(randomSamples(2)).complete(settings)).isFalse();
        assertThat(DriftFixtures.anchorOf(randomSamples(3)).complete(settings)).isTrue();
    }

    @Test
    void absorb_feedsSamples_onlyUntilAnchorIsComplete() {
        DriftSettings settings = new DriftSettings(2, 0.05, 6.0);
        long[] sample = randomSamples(1).get(0);

        Anchor one = Anchor.empty().absorb(sample, settings);
        Anchor two = one.absorb(sample, settings);
        Anchor stillTwo = two.absorb(new long[Stylo16.DIMENSIONS], settings);

        assertThat(one.count()).isEqualTo(1);
        assertThat(two.count()).isEqualTo(2);
        assertThat(stillTwo).isSameAs(two);
    }
}
