package dev.vacant.kernel.drift;

/**
 * Drift of a sample from its anchor ({@code docs/drift.md}): the standardised Euclidean distance
 * (diagonal Mahalanobis) {@code sqrt(sum_i ((x_i - mean_i) / max(std_i, minStd))^2)}.
 *
 * <p>A sample is drifting iff {@code driftMilli >= thresholdMilli}, i.e. the verdict is taken on
 * the thousandths recorded in the logbook so that the recorded numbers always explain it.
 */
public final class Drift {

    private Drift() {
    }

    /** The drift of {@code featuresMillionths} from a non-empty {@code anchor}. */
    public static double drift(Anchor anchor, long[] featuresMillionths, DriftSettings settings) {
        requireNonEmpty(anchor);
        return distance(Stylo16.fromMillionths(featuresMillionths), anchor, settings);
    }

    /** A drift (or threshold) in integer thousandths: {@code Math.round(d * 1000)}. */
    public static long driftMilli(double drift) {
        return Math.round(drift * 1000);
    }

    /**
     * Assesses {@code sample} against the anchor as it was before the sample. Until that anchor is
     * complete the sample only feeds it (see {@link Anchor#absorb}) and nothing drifts.
     */
    public static DriftAssessment assess(Anchor anchorBeforeSample, long[] sample, DriftSettings settings) {
        long thresholdMilli = driftMilli(settings.threshold());
        if (!anchorBeforeSample.complete(settings)) {
            return new DriftAssessment(false, 0, 0, thresholdMilli, false);
        }
        double drift = drift(anchorBeforeSample, sample, settings);
        long driftMilli = driftMilli(drift);
        return new DriftAssessment(true, drift, driftMilli, thresholdMilli, driftMilli >= thresholdMilli);
    }

    /** The distance of {@code a}'s mean from non-empty {@code b}, standardised by {@code b}'s floored std. */
    public static double standardisedDistance(Anchor a, Anchor b, DriftSettings settings) {
        requireNonEmpty(a);
        requireNonEmpty(b);
        return distance(a.mean(), b, settings);
    }

    /**
     * The graduation collusion signal {@code same_stylo = max(0, 1 - d / threshold)} with {@code d}
     * the {@link #standardisedDistance} of the child's anchor from the parent's: 1 for identical
     * style, 0 at or beyond the drift threshold, and 0 when either anchor is empty.
     */
    public static double sameStylo(Anchor child, Anchor parent, DriftSettings settings) {
        if (child.count() == 0 || parent.count() == 0) {
            return 0;
        }
        return Math.max(0, 1 - standardisedDistance(child, parent, settings) / settings.threshold());
    }

    private static double distance(double[] x, Anchor anchor, DriftSettings settings) {
        double[] mean = anchor.mean();
        double[] std = anchor.std();
        double sum = 0;
        for (int i = 0; i < Stylo16.DIMENSIONS; i++) {
            double z = (x[i] - mean[i]) / Math.max(std[i], settings.minStd());
            sum += z * z;
        }
        return Math.sqrt(sum);
    }

    private static void requireNonEmpty(Anchor anchor) {
        if (anchor.count() == 0) {
            throw new IllegalArgumentException("an empty anchor has no distribution to measure against");
        }
    }
}
