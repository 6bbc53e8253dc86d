package dev.vacant.kernel.checkpoint;

import java.util.Base64;

/**
 * A C2SP {@code tlog-checkpoint} body: the log's origin line, the tree size in decimal and the base64 root hash,
 * each ending in a newline. Signed as a {@link SignedNote} by the node key.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.chars().anyMatch(c -> c < ' ')) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        if (rootHash == null || rootHash.length != MerkleHashes.HASH_BYTES) {
            throw new IllegalArgumentException("a root hash is 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    /** Parses a checkpoint body (three lines, no extension lines). */
    public static Checkpoint parse(String text) {
        String[] lines = text == null || !text.endsWith("\n") ? new String[0] : text.split("\n", -1);
        if (lines.length != 4) {
            throw new IllegalArgumentException("a checkpoint is three lines: origin, tree size, base64 root hash");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("a checkpoint's tree size is a decimal without leading zeroes");
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint's third line is the base64 of a 32-byte root hash", e);
        }
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }
}
