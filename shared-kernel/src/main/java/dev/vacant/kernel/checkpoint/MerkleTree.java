package dev.vacant.kernel.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 (section 2.1) tree hashes and proofs over any {@link SubtreeSource}: the hash of a range is composed
 * from O(log n) perfect subtrees, so roots and proofs never read every leaf. Proofs are the RFC's PATH and PROOF,
 * bottom-up, as RFC 9162 and every transparency-log client expect them.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** {@code MTH(D[0:size])}. */
    public static byte[] root(SubtreeSource tree, long size) {
        requireRange(0, size);
        return size == 0 ? MerkleHashes.emptyRoot() : rangeHash(tree, 0, size);
    }

    /** {@code MTH(D[start:end])} for a non-empty range. */
    public static byte[] rangeHash(SubtreeSource tree, long start, long end) {
        long width = end - start;
        if (width <= 0) {
            throw new IllegalArgumentException("empty range [" + start + ", " + end + ")");
        }
        if (Long.bitCount(width) == 1 && start % width == 0) {
            return tree.perfect(Long.numberOfTrailingZeros(width), start / width);
        }
        long split = largestPowerOfTwoBelow(width);
        return MerkleHashes.node(rangeHash(tree, start, start + split), rangeHash(tree, start + split, end));
    }

    /** {@code PATH(index, D[0:size])}: the audit path of leaf {@code index}, leaf-side first. */
    public static List<byte[]> inclusionProof(SubtreeSource tree, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is outside a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(tree, index, 0, size, proof);
        return proof;
    }

    /** {@code PROOF(from, D[0:to])}: that the tree of size {@code from} is a prefix of the tree of size {@code to}. */
    public static List<byte[]> consistencyProof(SubtreeSource tree, long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from size " + from + " to size " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(tree, from, 0, to, true, proof);
        }
        return proof;
    }

    /** The largest power of two strictly smaller than {@code n} ({@code n >= 2}). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void path(SubtreeSource tree, long index, long start, long end, List<byte[]> proof) {
        if (end - start == 1) {
            return;
        }
        long split = start + largestPowerOfTwoBelow(end - start);
        if (index < split) {
            path(tree, index, start, split, proof);
            proof.add(rangeHash(tree, split, end));
        } else {
            path(tree, index, split, end, proof);
            proof.add(rangeHash(tree, start, split));
        }
    }

    private static void subproof(SubtreeSource tree, long m, long start, long end, boolean complete, List<byte[]> proof) {
        if (start + m == end) {
            if (!complete) {
                proof.add(rangeHash(tree, start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(end - start);
        if (m <= k) {
            subproof(tree, m, start, start + k, complete, proof);
            proof.add(rangeHash(tree, start + k, end));
        } else {
            subproof(tree, m - k, start + k, end, false, proof);
            proof.add(rangeHash(tree, start, start + k));
        }
    }

    private static void requireRange(long start, long end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid range [" + start + ", " + end + ")");
        }
    }
}
