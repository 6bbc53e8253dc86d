package dev.vacant.kernel.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTest {

    private static final DriftSettings DEFAULTS = DriftSettings.DEFAULTS;
    private static final Anchor PROSE_ANCHOR = DriftFixtures.anchorOfTexts(DriftFixtures.PROSE.subList(0, 20));
    private static final String CODE_SHOUTING_AND_LISTS = """
            URGENT!!! BUILD IS BROKEN AGAIN!!!
            - revert #4521
            - rerun CI (3x)
            1) check logs
            ```java
            if (x == null) { throw new IllegalStateException("x"); }
            ```
            """;

    private static long[] sample(double... leadingFeatures) {
        long[] sample = new long[Stylo16.DIMENSIONS];
        for (int i = 0; i < leadingFeatures.length; i++) {
            sample[i] = Math.round(leadingFeatures[i] * 1_000_000);
        }
        return sample;
    }

    private static Anchor anchorOf(long[]... samples) {
        return DriftFixtures.anchorOf(List.of(samples));
    }

    private static long[] millionthsOf(String text) {
        return BehaviorSample.of(text).featuresMillionths();
    }

    @Test
    void drift_isStandardisedEuclideanDistance_withFlooredStd() {
        // Feature 0: mean 0.3, std sqrt(0.02), z = 0.3 / sqrt(0.02). Feature 1: std 0 floored to 0.05, z = 2.
        Anchor anchor = anchorOf(sample(0.2, 0.5), sample(0.4, 0.5));

        double drift = Drift.drift(anchor, sample(0.6, 0.6), DEFAULTS);

        assertThat(drift).isCloseTo(Math.sqrt(0.09 / 0.02 + 4), within(1e-9));
    }

    @Test
    void drift_dividesByMinStd_whenAnchorStdIsBelowIt() {
        Anchor constant = anchorOf(sample(0.5), sample(0.5), sample(0.5));

        assertThat(Drift.drift(constant, sample(0.6), DEFAULTS)).isCloseTo(2.0, within(1e-9));
        assertThat(Drift.drift(constant, sample(0.6), new DriftSettings(20, 0.1, 6.0))).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void drift_rejectsEmptyAnchor() {
        assertThatThrownBy(() -> Drift.drift(Anchor.empty(), sample(), DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void driftMilli_roundsToThousandths() {
        assertThat(Drift.driftMilli(5.9994)).isEqualTo(5999);
        assertThat(Drift.driftMilli(5.9995)).isEqualTo(6000);
        assertThat(Drift.driftMilli(0)).isZero();
    }

    @Test
    void assess_onlyFeedsAnchor_beforeAnchorIsComplete() {
        Anchor nineteen = DriftFixtures.anchorOfTexts(DriftFixtures.PROSE.subList(0, 19));

        DriftAssessment assessment = Drift.assess(nineteen, millionthsOf(CODE_SHOUTING_AND_LISTS), DEFAULTS);

        assertThat(assessment).isEqualTo(new DriftAssessment(false, 0, 0, 6000, false));
    }

    @Test
    void assess_isNotDrifting_whenSampleIsUnseenProseBySameWriter() {
        for (String paragraph : DriftFixtures.PROSE.subList(20, 26)) {
            DriftAssessment assessment = Drift.assess(PROSE_ANCHOR, millionthsOf(paragraph), DEFAULTS);

            assertThat(assessment.anchorComplete()).isTrue();
            assertThat(assessment.drift()).isLessThan(2.0);
            assertThat(assessment.drifting()).isFalse();
        }
    }

    @Test
    void assess_flagsDrift_whenSampleIsCodeShoutingAndLists() {
        DriftAssessment assessment = Drift.assess(PROSE_ANCHOR, millionthsOf(CODE_SHOUTING_AND_LISTS), DEFAULTS);

        assertThat(assessment.drift()).isGreaterThanOrEqualTo(6.0);
        assertThat(assessment.driftMilli()).isEqualTo(Drift.driftMilli(assessment.drift()));
        assertThat(assessment.thresholdMilli()).isEqualTo(6000);
        assertThat(assessment.drifting()).isTrue();
    }

    @Test
    void assess_flagsDrift_forEveryTerseChatSample() {
        assertThat(DriftFixtures.TERSE).allSatisfy(text ->
                assertThat(Drift.assess(PROSE_ANCHOR, millionthsOf(text), DEFAULTS).drifting()).isTrue());
    }

    @Test
    void assess_decidesOnRecordedThousandths_atTheThreshold() {
        DriftSettings settings = new DriftSettings(2, 0.05, 6.0);
        Anchor constant = anchorOf(sample(0), sample(0));

        DriftAssessment atThreshold = Drift.assess(constant, sample(0.3), settings);
        DriftAssessment justBelow = Drift.assess(constant, sample(0.2999), settings);

        assertThat(atThreshold.driftMilli()).isEqualTo(6000);
        assertThat(atThreshold.drifting()).isTrue();
        assertThat(justBelow.driftMilli()).isEqualTo(5998);
        assertThat(justBelow.drifting()).isFalse();
    }

    @Test
    void standardisedDistance_measuresFirstMeanAgainstSecondAnchor() {
        Anchor a = anchorOf(sample(0.9), sample(0.9));
        Anchor b = anchorOf(sample(0.2), sample(0.4));

        assertThat(Drift.standardisedDistance(a, b, DEFAULTS)).isCloseTo(0.6 / Math.sqrt(0.02), within(1e-9));
        assertThat(Drift.standardisedDistance(b, a, DEFAULTS)).isCloseTo(0.6 / 0.05, within(1e-9));
    }

    @Test
    void sameStylo_isHigh_forTheSameWriter() {
        Anchor child = DriftFixtures.anchorOfTexts(DriftFixtures.PROSE.subList(20, 26));

        assertThat(Drift.sameStylo(child, PROSE_ANCHOR, DEFAULTS)).isGreaterThan(0.8);
        assertThat(Drift.sameStylo(PROSE_ANCHOR, PROSE_ANCHOR, DEFAULTS)).isEqualTo(1.0);
    }

    @Test
    void sameStylo_isZero_forADifferentWriter() {
        Anchor child = DriftFixtures.anchorOfTexts(DriftFixtures.TERSE);

        assertThat(Drift.sameStylo(child, PROSE_ANCHOR, DEFAULTS)).isZero();
    }

    @Test
    void sameStylo_isZero_whenEitherAnchorIsEmpty() {
        assertThat(Drift.sameStylo(Anchor.empty(), PROSE_ANCHOR, DEFAULTS)).isZero();
        assertThat(Drift.sameStylo(PROSE_ANCHOR, Anchor.empty(), DEFAULTS)).isZero();
        assertThat(Drift.sameStylo(Anchor.empty(), Anchor.empty(), DEFAULTS)).isZero();
    }
}
