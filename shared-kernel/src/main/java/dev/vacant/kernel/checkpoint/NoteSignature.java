package dev.vacant.kernel.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** One signature line of a signed note: {@code — <name> base64(key id || signature)}. */
public record NoteSignature(String name, byte[] keyId, byte[] signature) {

    /** The em dash (U+2014) and space that open every signature line. */
    static final String LINE_PREFIX = "\u2014 ";

    public NoteSignature {
        keyId = keyId.clone();
        signature = signature.clone();
    }

    /** Parses a line (without its newline); {@link IllegalArgumentException} when it is not a signature line. */
    static NoteSignature parse(String line) {
        if (!line.startsWith(LINE_PREFIX)) {
            throw new IllegalArgumentException("a signature line starts with an em dash and a space");
        }
        String[] parts = line.substring(LINE_PREFIX.length()).split(" ", -1);
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("a signature line is '— <name> <base64>'");
        }
        byte[] blob = Base64.getDecoder().decode(parts[1]);
        if (blob.length < 5) {
            throw new IllegalArgumentException("a signature is a 4-byte key id and at least one byte");
        }
        return new NoteSignature(parts[0], Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length));
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Whether this line claims to be signed by {@code key} (same name and key id). */
    public boolean claims(NoteKey key) {
        return name.equals(key.name()) && Arrays.equals(keyId, key.keyId());
    }

    /** The line, newline included. */
    public String line() {
        byte[] blob = new byte[keyId.length + signature.length];
        System.arraycopy(keyId, 0, blob, 0, keyId.length);
        System.arraycopy(signature, 0, blob, keyId.length, signature.length);
        return LINE_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && line().equals(that.line());
    }

    @Override
    public int hashCode() {
        return line().hashCode();
    }

    @Override
    public String toString() {
        return line().trim();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
