package dev.vacant.kernel.checkpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The root of a tree computed while its leaves stream past, in O(log n) memory: the frontier keeps one perfect
 * subtree per set bit of the size (a compact range), merging equal-sized neighbours as leaves arrive.
 */
public final class MerkleFrontier {

    private record Subtree(long leaves, byte[] hash) {
    }

    private final Deque<Subtree> stack = new ArrayDeque<>();
    private long size;

    /** Appends a leaf hash ({@code SHA-256(0x00 || data)}). */
    public void appendLeafHash(byte[] leafHash) {
        Subtree top = new Subtree(1, leafHash);
        while (!stack.isEmpty() && stack.peek().leaves() == top.leaves()) {
            Subtree left = stack.pop();
            top = new Subtree(left.leaves() * 2, MerkleHashes.node(left.hash(), top.hash()));
        }
        stack.push(top);
        size++;
    }

    public long size() {
        return size;
    }

    /** {@code MTH} of the leaves appended so far. */
    public byte[] root() {
        if (stack.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        Iterator<Subtree> rightToLeft = stack.iterator();
        byte[] root = rightToLeft.next().hash();
        while (rightToLeft.hasNext()) {
            root = MerkleHashes.node(rightToLeft.next().hash(), root);
        }
        return root;
    }
}
