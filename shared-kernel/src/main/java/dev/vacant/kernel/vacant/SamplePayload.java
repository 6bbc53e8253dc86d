package dev.vacant.kernel.vacant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of BEHAVIOR_SAMPLED: the feature version, the text's digest and length, the 16 STYLO values in
 * millionths, whether the sample fed the anchor (decided when signed, so replay never depends on settings) and,
 * once the anchor is complete, the sample's drift in thousandths.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SamplePayload(String version, String digest, int length, long[] features, boolean anchor,
                            @JsonProperty("drift_milli") Long driftMilli) {
}
