package dev.vacant.infra.audit;

import dev.vacant.kernel.audit.StreamingVerifier;
import dev.vacant.kernel.audit.VerificationResult;
import dev.vacant.kernel.checkpoint.Checkpoint;
import dev.vacant.query.audit.ParkedSequence;
import dev.vacant.query.audit.ScratchProjections;
import dev.vacant.query.audit.TableComparison;
import dev.vacant.query.projection.Projector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Audit replay ({@code api.md}) over one database, with plain JDBC and no Spring context, so the offline CLI and
 * the API's background job run the same code: reads the whole event store in global order (one snapshot, keyset
 * batches), verifies every vacant's and task's chain on parallel workers ({@link StreamingVerifier}), when given
 * projectors, rebuilds them into a scratch schema on a thread of its own while the store is read and verified
 * ({@link BackgroundRebuild}) and compares them with the live tables ({@link ScratchProjections}), and, when asked,
 * checks the store against a signed checkpoint.
 */
public final class AuditReplay {

    /** Rows per read batch. */
    private static final int BATCH_SIZE = 1000;

    private final ConnectionSource connections;
    private final List<Projector> projectors;
    private final int workers;

    /**
     * @param projectors the projections to rebuild and compare (none: verification only)
     * @param workers    verification threads (the available processors is a good choice)
     */
    public AuditReplay(ConnectionSource connections, List<Projector> projectors, int workers) {
        this.connections = connections;
        this.projectors = List.copyOf(projectors);
        this.workers = workers;
    }

    /** Runs one audit without a checkpoint check (see {@link #run(String, AuditProgress, AuditCheckpoint)}). */
    public AuditReport run(String runId, AuditProgress progress) throws SQLException {
        return run(runId, progress, AuditCheckpoint.NONE);
    }

    /**
     * Runs one audit; {@code runId} (lowercase letters and digits) names its scratch schema {@code audit_<runId>}.
     * After the chains, the store is checked against {@code checkpoint} ({@link CheckpointAudit}): the first entry
     * that differs from it is reported as {@code CHECKPOINT_MISMATCH}.
     */
    public AuditReport run(String runId, AuditProgress progress, AuditCheckpoint checkpoint) throws SQLException {
        AuditReport chains = verify(runId, progress);
        try (Connection connection = connections.open()) {
            Optional<Checkpoint> signed = checkpoint.resolve(connection);
            return signed.isEmpty() ? chains : chains.against(CheckpointAudit.check(connection, signed.get()));
        }
    }

    private AuditReport verify(String runId, AuditProgress progress) throws SQLException {
        long started = System.nanoTime();
        try (Connection store = connections.open(); StreamingVerifier verifier = new StreamingVerifier(workers)) {
            JdbcEventStoreReader reader = new JdbcEventStoreReader(store, BATCH_SIZE);
            progress.started(reader.count());
            EventCounter counter = new EventCounter(progress);
            if (projectors.isEmpty()) {
                reader.forEachBatch(batch -> {
                    verifier.accept(batch);
                    counter.add(batch.size());
                });
                return report(counter.read(), verifier.finish(), List.of(), List.of(), started);
            }
            try (ScratchProjections scratch = ScratchProjections.open(connections.open(), projectors, runId);
                 BackgroundRebuild rebuild = new BackgroundRebuild(scratch)) {
                reader.forEachBatch(batch -> {
                    verifier.accept(batch);
                    rebuild.accept(batch);
                    counter.add(batch.size());
                });
                rebuild.finish();
                List<TableComparison> compared = scratch.compare(List.of(store));
                return report(counter.read(), verifier.finish(), compared, scratch.parked(), started);
            }
        }
    }

    private static AuditReport report(long eventsRead, VerificationResult result, List<TableComparison> projections,
                                      List<ParkedSequence> parked, long started) {
        long nanos = Math.max(1, System.nanoTime() - started);
        return new AuditReport(eventsRead, result.entriesVerified(), result.rowsSkipped(), result.failures().size(),
                result.failures(), projections, parked, TimeUnit.NANOSECONDS.toMillis(nanos),
                Math.round(eventsRead * 1e9 / nanos), null);
    }

    /** Counts events read and tells the progress listener. */
    private static final class EventCounter {
        private final AuditProgress progress;
        private long read;

        EventCounter(AuditProgress progress) {
            this.progress = progress;
        }

        void add(int events) {
            read += events;
            progress.read(read);
        }

        long read() {
            return read;
        }
    }
}
