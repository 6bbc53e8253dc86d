package dev.vacant.infra.audit;

import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.checkpoint.Checkpoint;
import dev.vacant.kernel.checkpoint.CheckpointComparison;
import dev.vacant.kernel.checkpoint.CheckpointComparison.Result;
import dev.vacant.kernel.checkpoint.LogbookLeaf;
import dev.vacant.kernel.checkpoint.MerkleHashes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks the event store against a signed checkpoint with plain JDBC: walks the checkpoint's leaves in tree order
 * ({@code merkle_leaf} says which global index each leaf is), takes the entry hash the store holds there now, and
 * compares ({@link CheckpointComparison}). A deleted, moved or rewritten entry changes the root; the first leaf
 * that differs is mapped to the vacant and seq the tree recorded for it.
 */
final class CheckpointAudit {

    private static final int BATCH = 1000;
    private static final String LEAVES = "select l.leaf_index, l.aggregate_identifier, l.sequence_number, e.global_index, "
            + "e.aggregate_identifier, e.sequence_number, e.type, e.payload_type, e.payload_revision, e.payload, "
            + "l.entry_hash "
            + "from merkle_leaf l "
            + "left join domain_event_entry e on e.global_index = l.global_index "
            + "where l.leaf_index >= ? and l.leaf_index < ? order by l.leaf_index limit ?";

    private final Connection connection;
    private final Checkpoint checkpoint;
    private final CheckpointComparison comparison;
    private String vacant;
    private Long seq;
    private long next;

    private CheckpointAudit(Connection connection, Checkpoint checkpoint) {
        this.connection = connection;
        this.checkpoint = checkpoint;
        this.comparison = new CheckpointComparison(checkpoint);
    }

    static CheckpointFindings check(Connection connection, Checkpoint checkpoint) throws SQLException {
        return new CheckpointAudit(connection, checkpoint).run();
    }

    private CheckpointFindings run() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LEAVES)) {
            int rows;
            do {
                select.setLong(1, next);
                select.setLong(2, checkpoint.size());
                select.setInt(3, BATCH);
                rows = readBatch(select);
            } while (rows == BATCH);
        }
        skipTo(checkpoint.size());
        Result result = comparison.finish();
        return new CheckpointFindings(result.treeSize(), Base64.getEncoder().encodeToString(checkpoint.rootHash()),
                result.storeMatches(), result.treeMatches(), result.firstDifferentLeaf().orElse(null),
                result.storeMatches() ? null : vacant, result.storeMatches() ? null : seq);
    }

    private int readBatch(PreparedStatement select) throws SQLException {
        int rows = 0;
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows++;
                long leafIndex = rs.getLong(1);
                skipTo(leafIndex);
                boolean clean = comparison.firstDifferentLeaf().isEmpty();
                comparison.accept(storeEntryHash(rs), MerkleHashes.leaf(rs.getBytes(11)));
                if (clean && comparison.firstDifferentLeaf().isPresent()) {
                    vacant = rs.getString(2);
                    seq = rs.getLong(3);
                }
                next = leafIndex + 1;
            }
        }
        return rows;
    }

    /** Leaves whose record is gone from {@code merkle_leaf}: the store cannot show them. */
    private void skipTo(long leafIndex) {
        for (; next < leafIndex; next++) {
            comparison.accept(Optional.empty(), null);
        }
    }

    private static Optional<byte[]> storeEntryHash(ResultSet rs) throws SQLException {
        rs.getLong(4);
        if (rs.wasNull()) {
            return Optional.empty();
        }
        return LogbookLeaf.of(new StoredEvent(rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getBytes(10), null));
    }
}
