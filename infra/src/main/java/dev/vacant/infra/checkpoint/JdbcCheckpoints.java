package dev.vacant.infra.checkpoint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Stored checkpoints ({@code checkpoint}) and witnesses' cosignature lines ({@code checkpoint_cosignature}). */
public class JdbcCheckpoints {

    /** A stored checkpoint: its size, its signed note (without cosignatures) and when it was made. */
    public record Row(long treeSize, String note, Instant createdAt) {
    }

    private static final String SELECT = "select tree_size, note, created_at from checkpoint ";
    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), rs.getString(2),
            rs.getTimestamp(3).toInstant());

    private final JdbcTemplate jdbc;

    public JdbcCheckpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a checkpoint unless one of that size exists (its note is the same: signing is deterministic). */
    void insert(long treeSize, byte[] rootHash, String note, Instant createdAt) {
        try {
            jdbc.update("insert into checkpoint (tree_size, root_hash, note, created_at) values (?, ?, ?, ?)",
                    treeSize, rootHash, note, Timestamp.from(createdAt));
        } catch (DuplicateKeyException madeByAnotherNode) {
            // the same size was checkpointed concurrently
        }
    }

    public Optional<Row> latest() {
        return jdbc.query(SELECT + "order by tree_size desc limit 1", ROW).stream().findFirst();
    }

    public Optional<Row> at(long treeSize) {
        return jdbc.query(SELECT + "where tree_size = ?", ROW, treeSize).stream().findFirst();
    }

    /** The smallest checkpoint whose tree has more than {@code leafIndex} leaves. */
    public Optional<Row> firstCovering(long leafIndex) {
        return jdbc.query(SELECT + "where tree_size > ? order by tree_size limit 1", ROW, leafIndex).stream().findFirst();
    }

    /** The cosignature lines kept for a checkpoint, by witness name. */
    public List<String> cosignatures(long treeSize) {
        return jdbc.queryForList("select line from checkpoint_cosignature where tree_size = ? order by witness",
                String.class, treeSize);
    }

    /** Keeps a witness's cosignature line, replacing its earlier one for the same checkpoint. */
    void putCosignature(long treeSize, String witness, String line, Instant receivedAt) {
        jdbc.update("delete from checkpoint_cosignature where tree_size = ? and witness = ?", treeSize, witness);
        jdbc.update("insert into checkpoint_cosignature (tree_size, witness, line, received_at) values (?, ?, ?, ?)",
                treeSize, witness, line, Timestamp.from(receivedAt));
    }
}
