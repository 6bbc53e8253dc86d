package dev.vacant.kernel.checkpoint;

import java.util.ArrayList;
import java.util.List;

/** A tree in memory built with {@link MerkleAppender}, so tests exercise the same append path as the store. */
final class ListTree {

    private final java.util.Map<String, byte[]> nodes = new java.util.HashMap<>();
    private long size;

    static ListTree of(List<byte[]> leafData) {
        ListTree tree = new ListTree();
        leafData.forEach(tree::append);
        return tree;
    }

    void append(byte[] leafData) {
        MerkleAppender appender = new MerkleAppender(this::perfect, size);
        appender.append(leafData);
        appender.created().forEach(node -> nodes.put(node.level() + "/" + node.index(), node.hash()));
        size = appender.size();
    }

    byte[] perfect(int level, long index) {
        byte[] hash = nodes.get(level + "/" + index);
        if (hash == null) {
            throw new IllegalStateException("no perfect subtree " + level + "/" + index);
        }
        return hash;
    }

    long size() {
        return size;
    }

    static List<byte[]> numbered(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(("leaf-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return leaves;
    }
}
