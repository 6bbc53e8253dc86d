package dev.vacant.kernel.checkpoint;

import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * A C2SP signed-note public key: a name, a signature type and an Ed25519 public key. Its key id is
 * {@code SHA-256(name || 0x0A || type || key)[:4]}; its text form (a "vkey") is
 * {@code name+hex(key id)+base64(type || key)}, which Go's {@code sumdb/note} and other tooling read.
 */
public record NoteKey(String name, byte type, byte[] publicKey) {

    /** Signature type of plain Ed25519 note signatures (C2SP signed-note). */
    public static final byte ED25519 = 0x01;
    /** Signature type of Ed25519 cosignatures (C2SP tlog-cosignature, {@code cosignature/v1}). */
    public static final byte COSIGNATURE_V1 = 0x04;

    private static final int KEY_ID_BYTES = 4;

    public NoteKey {
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '+')) {
            throw new IllegalArgumentException("a note key name is non-empty, without spaces, control characters or '+'");
        }
        if (type != ED25519 && type != COSIGNATURE_V1) {
            throw new IllegalArgumentException("unsupported note signature type " + type);
        }
        if (publicKey == null || publicKey.length != Ed25519.KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    /** Parses a vkey ({@code name+hex8+base64}), checking that its key id matches the key. */
    public static NoteKey parse(String vkey) {
        String[] parts = vkey == null ? new String[0] : vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is name+keyid+base64key");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the verifier key's key is not base64", e);
        }
        if (typed.length != 1 + Ed25519.KEY_BYTES) {
            throw new IllegalArgumentException("the verifier key's key is not a type byte and 32 key bytes");
        }
        NoteKey key = new NoteKey(parts[0], typed[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (!key.keyIdHex().equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's key id does not match its name and key");
        }
        return key;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** {@code SHA-256(name || 0x0A || type || key)[:4]}. */
    public byte[] keyId() {
        MessageDigest sha = MerkleHashes.sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(type);
        return Arrays.copyOf(sha.digest(publicKey), KEY_ID_BYTES);
    }

    public String keyIdHex() {
        return Hex.encode(keyId());
    }

    /** The vkey text form. */
    public String vkey() {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = type;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteKey that && name.equals(that.name) && type == that.type
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + type) + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return vkey();
    }
}
