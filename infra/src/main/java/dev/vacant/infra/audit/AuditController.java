package dev.vacant.infra.audit;

import dev.vacant.kernel.auth.Actor;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Audit replay as a background job ({@code api.md}; {@link AuditReplays}): operators start one and poll it. */
@RestController
@RequestMapping("/api/v1/audit/replays")
public class AuditController {

    private final AuditReplays replays;

    public AuditController(AuditReplays replays) {
        this.replays = replays;
    }

    @PostMapping
    public ResponseEntity<AuditJobView> start(@AuthenticationPrincipal Actor actor) {
        AuditJobView job = replays.start(actor);
        return ResponseEntity.accepted().location(URI.create("/api/v1/audit/replays/" + job.job())).body(job);
    }

    @GetMapping("/{job}")
    public AuditJobView get(@AuthenticationPrincipal Actor actor, @PathVariable String job) {
        return replays.get(actor, job);
    }
}
