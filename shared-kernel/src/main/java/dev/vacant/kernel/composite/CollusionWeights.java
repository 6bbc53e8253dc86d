package dev.vacant.kernel.composite;

/**
 * The values of the controller and substrate signals: {@code controller} when parent and child share their
 * controller, {@code sameModel} for the same provider and model, {@code sameFamily} for the same model family only.
 */
public record CollusionWeights(double controller, double sameModel, double sameFamily) {

    /** 0.6, 0.5 and 0.3 ({@code composite.md}). */
    public static final CollusionWeights DEFAULTS = new CollusionWeights(0.6, 0.5, 0.3);

    public CollusionWeights {
        for (double weight : new double[] {controller, sameModel, sameFamily}) {
            if (!(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException("collusion weights lie in [0, 1], got " + weight);
            }
        }
    }
}
