package dev.vacant.infra.checkpoint;

import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.checkpoint.MerkleFrontier;
import dev.vacant.kernel.checkpoint.MerkleHashes;
import dev.vacant.kernel.checkpoint.MerkleNode;
import dev.vacant.kernel.checkpoint.SubtreeSource;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The stored tree ({@code merkle_leaf}, {@code merkle_node}, {@code merkle_state}) and the event store rows it is
 * built from, with plain JDBC. {@code merkle_node} holds the perfect subtrees from {@link #LOWEST_STORED_LEVEL} up;
 * a smaller one is hashed from its leaves' entry hashes when asked for.
 */
public class JdbcMerkleTree implements SubtreeSource {

    /**
     * The lowest level of the subtrees kept in {@code merkle_node} (16 leaves): a lower one is at most 8 leaves, one
     * short read of {@code merkle_leaf}, and keeping them cost 15 of every 16 node rows written.
     */
    public static final int LOWEST_STORED_LEVEL = 4;

    /** The builder's progress. */
    record State(long treeSize, long settledIndex) {
    }

    /** A leaf: where it sits in the tree, which stored entry it is, and the entry's hash. */
    public record Leaf(long leafIndex, long globalIndex, String vacant, long seq, byte[] entryHash) {
    }

    private static final String ROWS = "select global_index, aggregate_identifier, sequence_number, type, payload_type, "
            + "payload_revision, payload from domain_event_entry ";
    private static final RowMapper<StoredEvent> ROW = (rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2),
            rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBytes(7), null);
    private static final String LEAVES = "select leaf_index, global_index, aggregate_identifier, sequence_number, "
            + "entry_hash from merkle_leaf ";
    private static final RowMapper<Leaf> LEAF = (rs, n) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getLong(4), rs.getBytes(5));

    private final JdbcTemplate jdbc;

    public JdbcMerkleTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] perfect(int level, long index) {
        if (level < LOWEST_STORED_LEVEL) {
            return fromLeaves(level, index);
        }
        List<byte[]> hash = jdbc.queryForList("select hash from merkle_node where tree_level = ? and node_index = ?",
                byte[].class, level, index);
        if (hash.isEmpty()) {
            throw new IllegalStateException("the stored tree has no node " + level + "/" + index);
        }
        return hash.get(0);
    }

    /** The hash of a subtree below the stored levels, from the entry hashes of its leaves. */
    private byte[] fromLeaves(int level, long index) {
        long width = 1L << level;
        List<byte[]> leaves = jdbc.queryForList("select entry_hash from merkle_leaf where leaf_index >= ? and "
                + "leaf_index < ? order by leaf_index", byte[].class, index * width, (index + 1) * width);
        if (leaves.size() != width) {
            throw new IllegalStateException("the stored tree has no node " + level + "/" + index);
        }
        MerkleFrontier subtree = new MerkleFrontier();
        leaves.forEach(entryHash -> subtree.appendLeafHash(MerkleHashes.leaf(entryHash)));
        return subtree.root();
    }

    /** Reads and locks the builder's state until the transaction ends (one builder at a time, across nodes). */
    State lockState() {
        return jdbc.queryForObject("select tree_size, settled_index from merkle_state where id = 1 for update",
                (rs, n) -> new State(rs.getLong(1), rs.getLong(2)));
    }

    /** Up to {@code limit} stored events after {@code globalIndex}, in global order. */
    List<StoredEvent> rowsAfter(long globalIndex, int limit) {
        return jdbc.query(ROWS + "where global_index > ? order by global_index limit ?", ROW, globalIndex, limit);
    }

    /** Stored events in {@code (from, to)} that are not in the tree: late commits into gaps given up. */
    List<StoredEvent> lateRows(long from, long to) {
        return jdbc.query(ROWS + "e where global_index > ? and global_index < ? and not exists "
                + "(select 1 from merkle_leaf l where l.global_index = e.global_index) order by global_index", ROW, from, to);
    }

    /** Writes a batch: its leaves, the nodes it created from {@link #LOWEST_STORED_LEVEL} up and the new state. */
    void write(List<Leaf> leaves, List<MerkleNode> nodes, State state) {
        jdbc.batchUpdate("insert into merkle_leaf (leaf_index, global_index, aggregate_identifier, sequence_number, "
                + "entry_hash) values (?, ?, ?, ?, ?)", leaves.stream().map(leaf -> new Object[]{leaf.leafIndex(),
                leaf.globalIndex(), leaf.vacant(), leaf.seq(), leaf.entryHash()}).toList());
        jdbc.batchUpdate("insert into merkle_node (tree_level, node_index, hash) values (?, ?, ?)",
                nodes.stream().filter(node -> node.level() >= LOWEST_STORED_LEVEL)
                        .map(node -> new Object[]{node.level(), node.index(), node.hash()}).toList());
        jdbc.update("update merkle_state set tree_size = ?, settled_index = ? where id = 1", state.treeSize(),
                state.settledIndex());
    }

    /** The leaf of entry {@code seq} of {@code vacant}. */
    public Optional<Leaf> leafOf(String vacant, long seq) {
        return jdbc.query(LEAVES + "where aggregate_identifier = ? and sequence_number = ?", LEAF, vacant, seq)
                .stream().findFirst();
    }

    /** The leaf of the entry stored at {@code globalIndex}. */
    public Optional<Leaf> leafAt(long globalIndex) {
        return jdbc.query(LEAVES + "where global_index = ?", LEAF, globalIndex).stream().findFirst();
    }
}
