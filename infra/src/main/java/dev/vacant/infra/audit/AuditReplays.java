package dev.vacant.infra.audit;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Audit replay jobs as the REST and gRPC adapters share them ({@code api.md}): operators only. */
@Service
public class AuditReplays {

    private final AuditJobs jobs;

    public AuditReplays(AuditJobs jobs) {
        this.jobs = jobs;
    }

    /** Starts a replay in the background, checked against {@code checkpoint}; answers the queued job. */
    public AuditJobView start(Actor actor, AuditCheckpoint checkpoint) {
        actor.requireOperator();
        AuditJob job = jobs.submit(checkpoint);
        return new AuditJobView(job.id(), job.status(), null, null);
    }

    /** This node's retained jobs, newest first ({@link AuditJobs}: in memory). */
    public List<AuditJobView> recent(Actor actor) {
        actor.requireOperator();
        return jobs.recent().stream().map(AuditJobView::of).toList();
    }

    /** A job's status, progress and, once done, its report; {@code NOT_FOUND} for an unknown job. */
    public AuditJobView get(Actor actor, String job) {
        actor.requireOperator();
        return jobs.find(job).map(AuditJobView::of)
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no audit job " + job));
    }
}
