package dev.vacant.infra.audit;

import dev.vacant.kernel.checkpoint.Checkpoint;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;
import dev.vacant.kernel.checkpoint.SignedNote;
import dev.vacant.kernel.id.NodeId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Which signed checkpoint an audit checks the store against: none, the latest stored one, or one the user kept.
 * The checkpoint's signature is verified first, with the key given, or else the node key the database names
 * ({@code node_identity}); a checkpoint that does not verify stops the audit ({@link IllegalStateException}).
 */
public sealed interface AuditCheckpoint {

    /** Verification of the chains only. */
    AuditCheckpoint NONE = new None();
    /** The latest checkpoint in the database (none yet: no checkpoint check). */
    AuditCheckpoint LATEST = new Latest();

    /** The verified checkpoint to check against, if any. */
    Optional<Checkpoint> resolve(Connection connection) throws SQLException;

    /** A checkpoint note the user kept, and the node key they trust (null: the database's node key). */
    static AuditCheckpoint given(String note, NoteKey nodeKey) {
        return new Given(note, nodeKey);
    }

    /** No checkpoint. */
    record None() implements AuditCheckpoint {
        @Override
        public Optional<Checkpoint> resolve(Connection connection) {
            return Optional.empty();
        }
    }

    /** The latest stored checkpoint, under the database's node key. */
    record Latest() implements AuditCheckpoint {
        @Override
        public Optional<Checkpoint> resolve(Connection connection) throws SQLException {
            Optional<String> note = first(connection, "select note from checkpoint order by tree_size desc limit 1");
            return note.isEmpty() ? Optional.empty() : new Given(note.get(), null).resolve(connection);
        }
    }

    /** A given checkpoint note and the key to verify it with. */
    record Given(String note, NoteKey nodeKey) implements AuditCheckpoint {
        @Override
        public Optional<Checkpoint> resolve(Connection connection) throws SQLException {
            NoteKey key = nodeKey != null ? nodeKey : databaseNodeKey(connection);
            try {
                return Optional.of(SignedCheckpoint.open(note, key).checkpoint());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the checkpoint does not verify: " + e.getMessage(), e);
            }
        }

        private NoteKey databaseNodeKey(Connection connection) throws SQLException {
            String node = first(connection, "select node_id from node_identity where id = 1")
                    .orElseThrow(() -> new IllegalStateException("the database has no node key to verify a checkpoint"));
            String origin = Checkpoint.parse(SignedNote.parse(note).text()).origin();
            return SignedCheckpoint.nodeKey(origin, NodeId.parse(node));
        }
    }

    private static Optional<String> first(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }
}
