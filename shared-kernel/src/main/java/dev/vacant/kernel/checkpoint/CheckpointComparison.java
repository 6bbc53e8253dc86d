package dev.vacant.kernel.checkpoint;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks a store against a signed checkpoint, leaf by leaf in tree order: the leaves the store holds now must
 * hash to the checkpoint's root. When they do not, the first leaf that differs is located by comparing with the
 * stored tree's leaf hashes, which are trusted only if they themselves hash to the signed root.
 */
public final class CheckpointComparison {

    /** What the check found: whether the store matches, whether the stored tree does, and the first differing leaf. */
    public record Result(long treeSize, boolean storeMatches, boolean treeMatches, Optional<Long> firstDifferentLeaf) {
    }

    private final Checkpoint checkpoint;
    private final MerkleFrontier store = new MerkleFrontier();
    private final MerkleFrontier stored = new MerkleFrontier();
    private Long firstDifferent;

    public CheckpointComparison(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /**
     * The next leaf in tree order: the entry hash the store holds at its position (empty: no entry there) and the
     * stored tree's leaf hash (null: none stored). Leaves must come in order, from 0.
     */
    public void accept(Optional<byte[]> storeEntryHash, byte[] storedLeafHash) {
        long index = store.size();
        byte[] leaf = storeEntryHash.map(MerkleHashes::leaf).orElseGet(CheckpointComparison::absent);
        store.appendLeafHash(leaf);
        stored.appendLeafHash(storedLeafHash == null ? absent() : storedLeafHash);
        if (firstDifferent == null && (storeEntryHash.isEmpty() || storedLeafHash == null
                || !MessageDigest.isEqual(leaf, storedLeafHash))) {
            firstDifferent = index;
        }
    }

    /** The first leaf accepted so far that differs from the stored tree's. */
    public Optional<Long> firstDifferentLeaf() {
        return Optional.ofNullable(firstDifferent);
    }

    /** The result, once the checkpoint's {@code size} leaves were accepted. */
    public Result finish() {
        if (store.size() != checkpoint.size()) {
            throw new IllegalStateException("accepted " + store.size() + " leaves of a tree of " + checkpoint.size());
        }
        boolean storeMatches = MessageDigest.isEqual(store.root(), checkpoint.rootHash());
        boolean treeMatches = MessageDigest.isEqual(stored.root(), checkpoint.rootHash());
        return new Result(checkpoint.size(), storeMatches, treeMatches,
                storeMatches ? Optional.empty() : Optional.ofNullable(firstDifferent));
    }

    /** The leaf hash standing for a leaf the store (or the stored tree) no longer has: no leaf hashes to it. */
    private static byte[] absent() {
        return MerkleHashes.node(new byte[0], new byte[0]);
    }
}
