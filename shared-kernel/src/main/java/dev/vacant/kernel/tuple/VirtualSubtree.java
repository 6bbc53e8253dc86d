package dev.vacant.kernel.tuple;

import java.util.List;

/**
 * The lazy subtree of a {@code batch_spawn}: {@code branching^depth} virtual agents that exist only as
 * this descriptor until one is materialised. A virtual agent is addressed by an index path of
 * {@code depth} child indices, each {@code 0..branching-1}.
 */
public record VirtualSubtree(int depth, int branching) {

    /** The largest subtree: {@code 2^62} agents. */
    public static final long MAX_SIZE = 1L << 62;

    public VirtualSubtree {
        TupleRules.require(depth >= 1, "depth", "must be >= 1");
        TupleRules.require(branching >= 1, "branching", "must be >= 1");
        TupleRules.require(sizeOf(depth, branching) <= MAX_SIZE, "branching^depth", "must fit in 2^62");
    }

    /** The number of virtual agents. */
    public long size() {
        return sizeOf(depth, branching);
    }

    /** Validates a virtual agent's index path. */
    public List<Integer> requirePath(List<Integer> path) {
        TupleRules.require(path != null && path.size() == depth, "path", "must have " + depth + " indices");
        for (Integer index : path) {
            TupleRules.require(index != null && index >= 0 && index < branching, "path",
                    "indices must be 0.." + (branching - 1));
        }
        return List.copyOf(path);
    }

    /** {@code branching^depth}, saturated at {@code MAX_SIZE + 1}. */
    private static long sizeOf(int depth, int branching) {
        long size = 1;
        for (int level = 0; level < depth; level++) {
            if (size > MAX_SIZE / branching) {
                return MAX_SIZE + 1;
            }
            size *= branching;
        }
        return size;
    }
}
