package dev.vacant.infra.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows of one table that a transaction writes, held until just before it commits and then written together (one JDBC
 * batch, which the PostgreSQL driver rewrites into multi-row statements) instead of one round trip each: a group of
 * commands creating a dozen vacants stores their keys in one statement. A later row under the same key replaces the
 * earlier one. A rolled-back transaction writes nothing; outside a transaction a row is written at once. Whoever reads
 * or changes the table within the transaction calls {@link #flush()} first, so nobody sees the rows held back.
 *
 * @param <R> a row, as {@code write} takes it
 */
public final class BeforeCommitWrites<R> {

    private final Consumer<List<R>> write;

    /** @param write writes rows (one or more) on the current transaction's connection */
    public BeforeCommitWrites(Consumer<List<R>> write) {
        this.write = write;
    }

    /** Holds {@code row} under {@code key} until the transaction commits (or writes it now, without one). */
    public void add(String key, R row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write.accept(List.of(row));
            return;
        }
        held().put(key, row);
    }

    /** Writes the rows held so far, now. */
    public void flush() {
        @SuppressWarnings("unchecked")
        Map<String, R> rows = (Map<String, R>) TransactionSynchronizationManager.getResource(this);
        if (rows != null && !rows.isEmpty()) {
            List<R> batch = List.copyOf(rows.values());
            rows.clear();
            write.accept(batch);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, R> held() {
        Map<String, R> rows = (Map<String, R>) TransactionSynchronizationManager.getResource(this);
        if (rows == null) {
            rows = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, rows);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    BeforeCommitWrites.this.flush(); // not the synchronization's own flush()
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(BeforeCommitWrites.this);
                }
            });
        }
        return rows;
    }
}
