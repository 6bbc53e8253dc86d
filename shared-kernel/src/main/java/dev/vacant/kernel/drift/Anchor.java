package dev.vacant.kernel.drift;

/**
 * The anchor of a vacant's behaviour: an immutable diagonal Gaussian over {@link Stylo16} samples,
 * accumulated with Welford's online algorithm. It consumes the integer millionths carried by the
 * events and Java's IEEE 754 arithmetic is strict, so replaying the same samples in the same order
 * rebuilds the same anchor bit for bit. {@link #std()} is the sample standard deviation (divisor
 * n - 1), 0 while fewer than two samples; flooring at {@code min-std} is left to {@link Drift}.
 */
public final class Anchor {

    private static final Anchor EMPTY = new Anchor(0, new double[Stylo16.DIMENSIONS], new double[Stylo16.DIMENSIONS]);

    private final int count;
    private final double[] mean;
    private final double[] m2;

    private Anchor(int count, double[] mean, double[] m2) {
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
    }

    /** An anchor with no sample, also the state after an explicit re-anchoring. */
    public static Anchor empty() {
        return EMPTY;
    }

    /** A new anchor that also includes {@code featuresMillionths}. */
    public Anchor plus(long[] featuresMillionths) {
        double[] x = Stylo16.fromMillionths(featuresMillionths);
        int n = count + 1;
        double[] nextMean = new double[Stylo16.DIMENSIONS];
        double[] nextM2 = new double[Stylo16.DIMENSIONS];
        for (int i = 0; i < Stylo16.DIMENSIONS; i++) {
            double delta = x[i] - mean[i];
            nextMean[i] = mean[i] + delta / n;
            nextM2[i] = m2[i] + delta * (x[i] - nextMean[i]);
        }
        return new Anchor(n, nextMean, nextM2);
    }

    /** The anchor after a reported sample: samples feed the anchor only until it is complete. */
    public Anchor absorb(long[] featuresMillionths, DriftSettings settings) {
        return complete(settings) ? this : plus(featuresMillionths);
    }

    public int count() {
        return count;
    }

    public boolean complete(DriftSettings settings) {
        return count >= settings.anchorSize();
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        double[] std = new double[Stylo16.DIMENSIONS];
        if (count >= 2) {
            for (int i = 0; i < Stylo16.DIMENSIONS; i++) {
                std[i] = Math.sqrt(m2[i] / (count - 1));
            }
        }
        return std;
    }
}
