package dev.vacant.kernel.id;

import dev.vacant.kernel.crypto.Ed25519;

/** Encoding of an Ed25519 public key as {@code prefix + base32(key)}: 52 base32 characters after the prefix. */
final class SelfCertifyingKey {

    static final int ENCODED_KEY_CHARS = 52;

    private SelfCertifyingKey() {
    }

    static String encode(String prefix, byte[] publicKey) {
        if (publicKey.length != Ed25519.KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        return prefix + Base32.encode(publicKey);
    }

    /** The public key of {@code value}, or {@link IllegalArgumentException} naming the expected form. */
    static byte[] decode(String prefix, String value) {
        if (value == null || !value.startsWith(prefix) || value.length() != prefix.length() + ENCODED_KEY_CHARS) {
            throw invalid(prefix, value);
        }
        try {
            return Base32.decode(value.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw invalid(prefix, value);
        }
    }

    private static IllegalArgumentException invalid(String prefix, String value) {
        return new IllegalArgumentException("'" + value + "' is not a valid id: expected '" + prefix
                + "' followed by 52 lowercase base32 characters (RFC 4648, no padding) of a 32-byte Ed25519 public key");
    }
}
