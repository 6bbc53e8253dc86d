package dev.vacant.infra.audit;

import dev.vacant.kernel.audit.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Axon's {@code domain_event_entry} in {@code global_index} order with plain JDBC, in keyset batches, all
 * inside one read-only repeatable-read transaction: the audit sees one snapshot of the store even while commands
 * keep appending (and no in-flight gap of the global index can hide a row).
 */
final class JdbcEventStoreReader {

    /** Receives each batch of rows, in global order. */
    @FunctionalInterface
    interface BatchSink {
        void accept(List<StoredEvent> batch) throws SQLException;
    }

    private static final String BATCH = "select global_index, aggregate_identifier, sequence_number, type, payload_type, "
            + "payload_revision, payload, meta_data from domain_event_entry where global_index > ? "
            + "order by global_index limit ?";

    private final Connection connection;
    private final int batchSize;

    /** Begins the snapshot on {@code connection} (which the caller keeps and closes). */
    JdbcEventStoreReader(Connection connection, int batchSize) throws SQLException {
        this.connection = connection;
        this.batchSize = batchSize;
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
    }

    /** The number of stored events in the snapshot. */
    long count() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from domain_event_entry");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Streams every stored event of the snapshot to {@code sink}, then ends the snapshot. */
    void forEachBatch(BatchSink sink) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BATCH)) {
            select.setFetchSize(batchSize);
            long after = Long.MIN_VALUE;
            List<StoredEvent> batch;
            do {
                select.setLong(1, after);
                select.setInt(2, batchSize);
                batch = read(select);
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                    after = batch.get(batch.size() - 1).globalIndex();
                }
            } while (batch.size() == batchSize);
        } finally {
            connection.rollback();
        }
    }

    private static List<StoredEvent> read(PreparedStatement select) throws SQLException {
        List<StoredEvent> batch = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                batch.add(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8)));
            }
        }
        return batch;
    }
}
