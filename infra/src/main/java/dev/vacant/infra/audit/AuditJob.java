package dev.vacant.infra.audit;

import java.util.Optional;

/** One audit replay requested through the API, updated by its background run. Thread-safe. */
public final class AuditJob implements AuditProgress {

    private final String id;
    private volatile AuditJobStatus status = AuditJobStatus.QUEUED;
    private volatile long eventsTotal;
    private volatile long eventsRead;
    private volatile AuditReport report;

    AuditJob(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public AuditJobStatus status() {
        return status;
    }

    /** Events in the audited snapshot (0 until the run starts). */
    public long eventsTotal() {
        return eventsTotal;
    }

    public long eventsRead() {
        return eventsRead;
    }

    /** The report, once {@link AuditJobStatus#DONE}. */
    public Optional<AuditReport> report() {
        return Optional.ofNullable(report);
    }

    @Override
    public void started(long total) {
        eventsTotal = total;
        status = AuditJobStatus.RUNNING;
    }

    @Override
    public void read(long read) {
        eventsRead = read;
    }

    void done(AuditReport finished) {
        report = finished;
        status = AuditJobStatus.DONE;
    }

    void failed() {
        status = AuditJobStatus.FAILED;
    }
}
