package dev.vacant.kernel.checkpoint;

import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.logbook.LogbookSigner;
import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one signature line per signer. The text is
 * what is signed; Ed25519 note signatures (type {@link NoteKey#ED25519}) sign its UTF-8 bytes.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    public SignedNote {
        if (text == null || text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline");
        }
        if (text.chars().anyMatch(c -> c < ' ' && c != '\n')) {
            throw new IllegalArgumentException("a note contains no control characters other than newline");
        }
        signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} as {@code key} (type Ed25519) with {@code signer}, which holds the key's private half. */
    public static SignedNote sign(String text, NoteKey key, LogbookSigner signer) {
        requireType(key, NoteKey.ED25519);
        return new SignedNote(text, List.of(new NoteSignature(key.name(), key.keyId(), signer.sign(NoteSignature.utf8(text)))));
    }

    /** Parses the wire form; {@link IllegalArgumentException} when it is not a well-formed signed note. */
    public static SignedNote parse(String note) {
        int split = note == null ? -1 : note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note is a text, a blank line and signature lines");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            signatures.add(NoteSignature.parse(line));
        }
        return new SignedNote(note.substring(0, split + 1), signatures);
    }

    /** Whether one of the signature lines is a valid Ed25519 signature of the text by {@code key}. */
    public boolean signedBy(NoteKey key) {
        requireType(key, NoteKey.ED25519);
        byte[] message = NoteSignature.utf8(text);
        return signatures.stream().anyMatch(s -> s.claims(key) && Ed25519.verify(key.publicKey(), message, s.signature()));
    }

    /** This note with one more signature line (a cosignature), unless the same line is already there. */
    public SignedNote with(NoteSignature signature) {
        if (signatures.contains(signature)) {
            return this;
        }
        List<NoteSignature> more = new ArrayList<>(signatures);
        more.add(signature);
        return new SignedNote(text, more);
    }

    /** The wire form: text, blank line, signature lines. */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(s -> note.append(s.line()));
        return note.toString();
    }

    static void requireType(NoteKey key, byte type) {
        if (key.type() != type) {
            throw new IllegalArgumentException("key " + key.name() + " has signature type " + key.type() + ", not " + type);
        }
    }
}
