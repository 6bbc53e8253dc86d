package dev.vacant.infra.projection;

import dev.vacant.infra.projection.ProjectionAdministration.DeadLetters;
import dev.vacant.infra.projection.ProjectionAdministration.ProjectionReset;
import dev.vacant.infra.projection.ProjectionAdministration.Processors;
import dev.vacant.infra.projection.ProjectionAdministration.RetryOutcome;
import dev.vacant.kernel.auth.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator-only projection operations ({@link ProjectionAdministration}): {@code GET /projections}, {@code GET
 * /projections/dead-letters}, {@code POST /projections/dead-letters/{id}/retry} and the online replay {@code POST
 * /projections/{name}/reset}.
 */
@RestController
public class ProjectionAdminController {

    private final ProjectionAdministration projections;

    public ProjectionAdminController(ProjectionAdministration projections) {
        this.projections = projections;
    }

    @GetMapping("/api/v1/projections")
    public Processors processors(@AuthenticationPrincipal Actor actor) {
        return projections.processors(actor);
    }

    @GetMapping("/api/v1/projections/dead-letters")
    public DeadLetters deadLetters(@AuthenticationPrincipal Actor actor) {
        return projections.deadLetters(actor);
    }

    @PostMapping("/api/v1/projections/dead-letters/{id}/retry")
    public RetryOutcome retry(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return projections.retry(actor, id);
    }

    @PostMapping("/api/v1/projections/{name}/reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ProjectionReset reset(@AuthenticationPrincipal Actor actor, @PathVariable String name) {
        return projections.reset(actor, name);
    }
}
