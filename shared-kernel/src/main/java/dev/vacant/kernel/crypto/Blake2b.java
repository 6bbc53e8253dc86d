package dev.vacant.kernel.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** BLAKE2b-256 (RFC 7693 with a 32-byte digest), backed by BouncyCastle. */
public final class Blake2b {

    private Blake2b() {
    }

    /** The 32-byte BLAKE2b-256 digest of the concatenation of {@code parts}. */
    public static byte[] digest256(byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** The lowercase hex of {@link #digest256(byte[]...)}. */
    public static String hex256(byte[]... parts) {
        return Hex.encode(digest256(parts));
    }
}
