package dev.vacant.kernel.checkpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends leaves to a stored tree: each leaf adds its level-0 node and completes every perfect subtree it closes
 * (a leaf at an odd index closes its pair, and so on up), so the store holds every perfect subtree and nothing
 * else. Nodes created in this batch are kept until {@link #created()} is written; older siblings are read from
 * the store (at most one per level).
 */
public final class MerkleAppender {

    private record Coordinate(int level, long index) {
    }

    private final SubtreeSource stored;
    private final Map<Coordinate, byte[]> pending = new HashMap<>();
    private final List<MerkleNode> created = new ArrayList<>();
    private long size;

    /** Appends after the {@code size} leaves already in {@code stored}. */
    public MerkleAppender(SubtreeSource stored, long size) {
        this.stored = stored;
        this.size = size;
    }

    /** Appends the leaf whose data is {@code leafData} (its leaf hash is {@code SHA-256(0x00 || leafData)}). */
    public long append(byte[] leafData) {
        long leafIndex = size++;
        byte[] hash = MerkleHashes.leaf(leafData);
        long index = leafIndex;
        int level = 0;
        add(level, index, hash);
        while ((index & 1) == 1) {
            hash = MerkleHashes.node(perfect(level, index - 1), hash);
            index >>= 1;
            level++;
            add(level, index, hash);
        }
        return leafIndex;
    }

    /** The tree's size after the appends. */
    public long size() {
        return size;
    }

    /** The nodes this appender created, in creation order. */
    public List<MerkleNode> created() {
        return List.copyOf(created);
    }

    /** The tree as stored plus this batch's nodes. */
    public SubtreeSource view() {
        return this::perfect;
    }

    private byte[] perfect(int level, long index) {
        byte[] mine = pending.get(new Coordinate(level, index));
        return mine != null ? mine : stored.perfect(level, index);
    }

    private void add(int level, long index, byte[] hash) {
        pending.put(new Coordinate(level, index), hash);
        created.add(new MerkleNode(level, index, hash));
    }
}
