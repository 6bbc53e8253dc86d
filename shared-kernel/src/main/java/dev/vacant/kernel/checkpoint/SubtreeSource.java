package dev.vacant.kernel.checkpoint;

/**
 * Where the hashes of a tree's perfect subtrees come from: a stored table, a list in memory. A perfect subtree at
 * {@code (level, index)} covers the leaves {@code [index * 2^level, (index + 1) * 2^level)}; level 0 is the leaf
 * hashes themselves. Only complete subtrees are ever asked for.
 */
@FunctionalInterface
public interface SubtreeSource {

    /** The hash of the perfect subtree at {@code (level, index)}. */
    byte[] perfect(int level, long index);
}
