package dev.vacant.infra.audit;

import dev.vacant.kernel.crypto.Hex;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit replays as background jobs, one at a time on a single thread (later requests wait as QUEUED). Jobs live in
 * memory only: they do not survive a restart, and only the {@value #RETAINED} most recent are kept.
 */
public class AuditJobs implements AutoCloseable {

    static final int RETAINED = 50;
    private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

    private final AuditReplay replay;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "audit-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AuditJob> jobs = new LinkedHashMap<>();

    public AuditJobs(AuditReplay replay) {
        this.replay = replay;
    }

    /** Queues a new audit replay of the whole store, checked against {@code checkpoint}. */
    public AuditJob submit(AuditCheckpoint checkpoint) {
        AuditJob job = new AuditJob(newId());
        synchronized (jobs) {
            jobs.put(job.id(), job);
            if (jobs.size() > RETAINED) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        runner.execute(() -> run(job, checkpoint));
        return job;
    }

    /** The most recently submitted job, if any is retained. */
    public Optional<AuditJob> latest() {
        synchronized (jobs) {
            return jobs.values().stream().reduce((first, second) -> second);
        }
    }

    /** Retained jobs in {@code status}. */
    public long count(AuditJobStatus status) {
        synchronized (jobs) {
            return jobs.values().stream().filter(job -> job.status() == status).count();
        }
    }

    public Optional<AuditJob> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** The retained jobs, newest first. */
    public List<AuditJob> recent() {
        synchronized (jobs) {
            List<AuditJob> recent = new ArrayList<>(jobs.values());
            Collections.reverse(recent);
            return recent;
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    private void run(AuditJob job, AuditCheckpoint checkpoint) {
        try {
            job.done(replay.run(job.id(), job, checkpoint));
        } catch (Exception e) {
            log.error("Audit replay {} failed", job.id(), e);
            job.failed();
        }
    }

    private String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return Hex.encode(bytes);
    }
}
