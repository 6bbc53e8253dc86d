package dev.vacant.kernel.vacant;

/**
 * Payload of BEHAVIOR_SAMPLED: the feature version, the text's digest and length, the 16 STYLO values in
 * millionths, and whether the sample fed the anchor (decided when signed, so replay never depends on settings).
 */
public record SamplePayload(String version, String digest, int length, long[] features, boolean anchor) {
}
