package dev.vacant.infra.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.checkpoint.NoteKey;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit replay as a background job ({@code api.md}; {@link AuditReplays}): operators start one and poll its status and report. The job
 * checks the store against the latest checkpoint, or one given.
 */
@RestController
@RequestMapping("/api/v1/audit/replays")
public class AuditController {

    private final AuditReplays replays;

    public AuditController(AuditReplays replays) {
        this.replays = replays;
    }

    /**
     * Optional body: {@code checkpoint} (a signed checkpoint note the caller kept) and {@code node_key} (the verifier
     * key it trusts; default: the node's). Without it the store is checked against the latest checkpoint.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AuditRequest(String checkpoint, String nodeKey) {
        /** The checkpoint to check against; {@code VALIDATION_FAILED} for a key without a checkpoint or a bad key. */
        public AuditCheckpoint toCheckpoint() {
            if (checkpoint == null) {
                if (nodeKey != null) {
                    throw new VacantException(ErrorCode.VALIDATION_FAILED, "node_key is only used with checkpoint");
                }
                return AuditCheckpoint.LATEST;
            }
            try {
                return AuditCheckpoint.given(checkpoint, nodeKey == null ? null : NoteKey.parse(nodeKey));
            } catch (IllegalArgumentException e) {
                throw new VacantException(ErrorCode.VALIDATION_FAILED, "node_key: " + e.getMessage());
            }
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED) // what the answer says, for the API description
    public ResponseEntity<AuditJobView> start(@AuthenticationPrincipal Actor actor,
                                              @RequestBody(required = false) AuditRequest request) {
        AuditJobView job = replays.start(actor, request == null ? AuditCheckpoint.LATEST : request.toCheckpoint());
        return ResponseEntity.accepted().location(URI.create("/api/v1/audit/replays/" + job.job())).body(job);
    }

    /** The retained jobs, newest first ({@link AuditJobs}: in memory, this node's only). */
    public record AuditJobList(List<AuditJobView> items) {
    }

    @GetMapping
    public AuditJobList list(@AuthenticationPrincipal Actor actor) {
        return new AuditJobList(replays.recent(actor));
    }

    @GetMapping("/{job}")
    public AuditJobView get(@AuthenticationPrincipal Actor actor, @PathVariable String job) {
        return replays.get(actor, job);
    }
}
