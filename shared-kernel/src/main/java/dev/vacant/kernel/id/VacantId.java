package dev.vacant.kernel.id;

/**
 * Self-certifying vacant id: {@code vac_} + lowercase base32 (no padding) of the vacant's Ed25519
 * public key. Anyone holding the id can verify the vacant's signatures without a lookup.
 */
public record VacantId(String value) {

    public static final String PREFIX = "vac_";

    public VacantId {
        SelfCertifyingKey.decode(PREFIX, value);
    }

    /** Parses strictly; any other form is an {@link IllegalArgumentException} explaining the expected one. */
    public static VacantId parse(String value) {
        return new VacantId(value);
    }

    public static VacantId of(byte[] publicKey) {
        return new VacantId(SelfCertifyingKey.encode(PREFIX, publicKey));
    }

    /** Whether {@code value} is a well-formed vacant id. */
    public static boolean isValid(String value) {
        try {
            SelfCertifyingKey.decode(PREFIX, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] publicKey() {
        return SelfCertifyingKey.decode(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
