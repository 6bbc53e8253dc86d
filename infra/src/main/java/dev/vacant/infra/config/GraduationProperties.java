package dev.vacant.infra.config;

import dev.vacant.kernel.composite.BehaviourCollusionDetector;
import dev.vacant.kernel.composite.CollusionDetector;
import dev.vacant.kernel.composite.CollusionWeights;
import dev.vacant.kernel.composite.GraduationGate;
import dev.vacant.kernel.drift.DriftSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Graduation settings under {@code vacant.graduation} (defaults from {@code composite.md}): the per-parent limit in
 * any sliding 24 hours, the collusion threshold, the detector ({@code behaviour}, or {@code none} for consent and
 * rate limit only) and the weights of its controller and substrate signals.
 */
@ConfigurationProperties("vacant.graduation")
public record GraduationProperties(
        @DefaultValue("3") int rateLimitPer24h,
        @DefaultValue("0.7") double collusionThreshold,
        @DefaultValue("behaviour") Detector detector,
        @DefaultValue("0.6") double controllerWeight,
        @DefaultValue("0.5") double sameModelWeight,
        @DefaultValue("0.3") double sameFamilyWeight) {

    /** The collusion detectors to choose from. */
    public enum Detector {
        /** Controller, substrate and STYLO-16 style signals. */
        BEHAVIOUR,
        /** No signal at all. */
        NONE
    }

    /** The gate these settings describe; the style signal measures with {@code drift}. */
    public GraduationGate gate(DriftSettings drift) {
        CollusionDetector collusion = detector == Detector.NONE ? CollusionDetector.NONE
                : new BehaviourCollusionDetector(new CollusionWeights(controllerWeight, sameModelWeight, sameFamilyWeight), drift);
        return new GraduationGate(rateLimitPer24h, collusionThreshold, collusion);
    }
}
