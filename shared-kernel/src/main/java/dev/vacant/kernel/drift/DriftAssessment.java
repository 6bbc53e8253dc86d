package dev.vacant.kernel.drift;

/**
 * The verdict on one sample. While the anchor was incomplete the sample only fed it: {@code
 * anchorComplete} is false, the drift 0 and {@code drifting} false. {@code driftMilli} and {@code
 * thresholdMilli} are the integer thousandths a DRIFT_DETECTED entry carries.
 */
public record DriftAssessment(
        boolean anchorComplete, double drift, long driftMilli, long thresholdMilli, boolean drifting) {
}
