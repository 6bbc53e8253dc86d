package dev.vacant.kernel.drift;

import dev.vacant.kernel.crypto.Blake2b;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What is kept of one reported output window: the BLAKE2b-256 hex digest of its UTF-8 bytes, its
 * length in characters (code points) and its {@link Stylo16} features in millionths. The text
 * itself is never stored. Array components are copied in and out, and equality is by value.
 */
public record BehaviorSample(String digest, int length, long[] featuresMillionths) {

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public BehaviorSample {
        if (digest == null || !HEX_256.matcher(digest).matches()) {
            throw new IllegalArgumentException("digest must be 64 lowercase hex characters");
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        Stylo16.fromMillionths(featuresMillionths);
        featuresMillionths = featuresMillionths.clone();
    }

    /** Fingerprints {@code text} (at most {@value Stylo16#MAX_UTF8_BYTES} UTF-8 bytes). */
    public static BehaviorSample of(String text) {
        long[] features = Stylo16.toMillionths(Stylo16.features(text));
        String digest = Blake2b.hex256(text.getBytes(StandardCharsets.UTF_8));
        return new BehaviorSample(digest, text.codePointCount(0, text.length()), features);
    }

    @Override
    public long[] featuresMillionths() {
        return featuresMillionths.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BehaviorSample that
                && digest.equals(that.digest)
                && length == that.length
                && Arrays.equals(featuresMillionths, that.featuresMillionths);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * digest.hashCode() + length) + Arrays.hashCode(featuresMillionths);
    }

    @Override
    public String toString() {
        return "BehaviorSample[digest=" + digest + ", length=" + length
                + ", featuresMillionths=" + Arrays.toString(featuresMillionths) + "]";
    }
}
