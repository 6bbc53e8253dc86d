package dev.vacant.kernel.checkpoint;

import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.logbook.LogbookSigner;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * C2SP {@code tlog-cosignature} v1 with Ed25519: a witness's statement that, at {@code timestamp} (POSIX seconds),
 * the checkpoint is the largest consistent tree it has seen of the log. The signed message is
 * {@code "cosignature/v1\ntime <timestamp>\n" + checkpoint text}; the signature line carries
 * {@code key id || u64 timestamp (big-endian) || Ed25519 signature}; the key has type {@link NoteKey#COSIGNATURE_V1}.
 */
public final class Cosignature {

    private static final int TIMESTAMP_BYTES = Long.BYTES;

    private Cosignature() {
    }

    /** The bytes a cosigner signs for {@code checkpointText} at {@code timestamp}. */
    public static byte[] message(String checkpointText, long timestamp) {
        return NoteSignature.utf8("cosignature/v1\ntime " + timestamp + "\n" + checkpointText);
    }

    /** Cosigns {@code checkpointText} as {@code key} with {@code signer} at {@code timestamp}. */
    public static NoteSignature sign(String checkpointText, NoteKey key, LogbookSigner signer, long timestamp) {
        SignedNote.requireType(key, NoteKey.COSIGNATURE_V1);
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature's timestamp is not negative");
        }
        byte[] signature = signer.sign(message(checkpointText, timestamp));
        return new NoteSignature(key.name(), key.keyId(),
                ByteBuffer.allocate(TIMESTAMP_BYTES + signature.length).putLong(timestamp).put(signature).array());
    }

    /** The timestamp of {@code line} if it is a valid cosignature of {@code checkpointText} by {@code key}. */
    public static Optional<Long> verify(String checkpointText, NoteKey key, NoteSignature line) {
        SignedNote.requireType(key, NoteKey.COSIGNATURE_V1);
        byte[] blob = line.signature();
        if (!line.claims(key) || blob.length != TIMESTAMP_BYTES + Ed25519.SIGNATURE_BYTES) {
            return Optional.empty();
        }
        long timestamp = ByteBuffer.wrap(blob).getLong();
        byte[] signature = Arrays.copyOfRange(blob, TIMESTAMP_BYTES, blob.length);
        return timestamp >= 0 && Ed25519.verify(key.publicKey(), message(checkpointText, timestamp), signature)
                ? Optional.of(timestamp) : Optional.empty();
    }
}
