package dev.vacant.kernel.vacant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of DRIFT_DETECTED: drift and threshold in thousandths, and the digest of the drifting sample. */
public record DriftPayload(@JsonProperty("drift_milli") long driftMilli,
                           @JsonProperty("threshold_milli") long thresholdMilli,
                           @JsonProperty("sample_digest") String sampleDigest) {
}
