package dev.vacant.kernel.composite;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The three collusion signals of a graduation, each in [0, 1] and kept as integer thousandths (signed payloads
 * carry no floats); the gate decides on these recorded values so that they always explain the verdict.
 */
public record CollusionSignals(@JsonProperty("same_controller_milli") long sameControllerMilli,
                               @JsonProperty("same_substrate_milli") long sameSubstrateMilli,
                               @JsonProperty("same_stylo_milli") long sameStyloMilli) {

    /** No signal at all (the {@code none} detector). */
    public static final CollusionSignals NONE = new CollusionSignals(0, 0, 0);

    /** Signals from their exact values, rounded to thousandths. */
    public static CollusionSignals of(double sameController, double sameSubstrate, double sameStylo) {
        return new CollusionSignals(milli(sameController), milli(sameSubstrate), milli(sameStylo));
    }

    /** A value in integer thousandths. */
    public static long milli(double value) {
        return Math.round(value * 1000);
    }

    /** The strongest signal, the one the gate compares with its threshold. */
    public long maxMilli() {
        return Math.max(sameControllerMilli, Math.max(sameSubstrateMilli, sameStyloMilli));
    }

    /** The three values as numbers in [0, 1], for an error's details. */
    public Map<String, Object> details() {
        return Map.of("same_controller", sameControllerMilli / 1000.0, "same_substrate", sameSubstrateMilli / 1000.0,
                "same_stylo", sameStyloMilli / 1000.0);
    }
}
