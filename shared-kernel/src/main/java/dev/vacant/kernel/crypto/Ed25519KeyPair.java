package dev.vacant.kernel.crypto;

/**
 * An Ed25519 keypair. The private seed is never printed: {@link #toString()} shows the public key only.
 */
public record Ed25519KeyPair(byte[] publicKey, byte[] privateSeed) {

    public Ed25519KeyPair {
        publicKey = publicKey.clone();
        privateSeed = privateSeed.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] privateSeed() {
        return privateSeed.clone();
    }

    /** Signs {@code message} with this pair's private key. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateSeed, message);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519KeyPair that && java.util.Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[public=" + Hex.encode(publicKey) + ", private=<redacted>]";
    }
}
