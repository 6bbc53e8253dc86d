package dev.vacant.kernel.drift;

/**
 * Drift detection settings ({@code docs/drift.md}): samples in a complete anchor, the floor under
 * each anchor standard deviation, and the drift at or above which a sample is drifting.
 */
public record DriftSettings(int anchorSize, double minStd, double threshold) {

    /** anchor-size 20, min-std 0.05, threshold 6.0. */
    public static final DriftSettings DEFAULTS = new DriftSettings(20, 0.05, 6.0);

    public DriftSettings {
        if (anchorSize < 2) {
            throw new IllegalArgumentException("anchorSize must be >= 2, got " + anchorSize);
        }
        if (!(minStd > 0) || Double.isInfinite(minStd)) {
            throw new IllegalArgumentException("minStd must be a finite number > 0, got " + minStd);
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number > 0, got " + threshold);
        }
    }
}
