package dev.vacant.infra.audit;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Audit replay as a background job ({@code api.md}): operators start one and poll its status and report. */
@RestController
@RequestMapping("/api/v1/audit/replays")
public class AuditController {

    private final AuditJobs jobs;

    public AuditController(AuditJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED) // what the answer says, for the API description
    public ResponseEntity<AuditJobView> start(@AuthenticationPrincipal Actor actor) {
        actor.requireOperator();
        AuditJob job = jobs.submit();
        return ResponseEntity.accepted().location(URI.create("/api/v1/audit/replays/" + job.id()))
                .body(new AuditJobView(job.id(), job.status(), null, null));
    }

    @GetMapping("/{job}")
    public AuditJobView get(@AuthenticationPrincipal Actor actor, @PathVariable String job) {
        actor.requireOperator();
        return jobs.find(job).map(AuditJobView::of)
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no audit job " + job));
    }
}
