package dev.vacant.kernel.checkpoint;

/** A perfect subtree's hash at {@code (level, index)} (see {@link SubtreeSource}); level 0 are leaf hashes. */
public record MerkleNode(int level, long index, byte[] hash) {

    public MerkleNode {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}
