package dev.vacant.infra.web.query;

import dev.vacant.infra.web.query.VacantQueryService.DriftView;
import dev.vacant.infra.web.query.VacantQueryService.LogbookPage;
import dev.vacant.infra.web.query.VacantQueryService.VacantPage;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.vacant.RegistryVisibility;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST registry, logbook and drift reads ({@code api.md}; {@link VacantQueryService}). */
@RestController
@RequestMapping("/api/v1/vacants")
public class VacantQueryController {

    private final VacantQueryService queries;

    public VacantQueryController(VacantQueryService queries) {
        this.queries = queries;
    }

    @GetMapping
    public VacantPage list(@AuthenticationPrincipal Actor actor,
                           @RequestParam(required = false) LifecycleState state,
                           @RequestParam(required = false) String controller,
                           @RequestParam(required = false) RegistryVisibility visibility,
                           @RequestParam(required = false) String after,
                           @RequestParam(required = false) Integer limit,
                           @RequestParam(required = false) Long position,
                           @RequestParam(required = false) String consistency) {
        return queries.list(actor, state, controller, visibility, after, limit, position, consistency);
    }

    @GetMapping("/{id}")
    public VacantView get(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                          @RequestParam(required = false) Long position,
                          @RequestParam(required = false) String consistency) {
        return queries.get(actor, id, position, consistency);
    }

    @GetMapping("/{id}/logbook")
    public LogbookPage logbook(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                               @RequestParam(name = "from_seq", required = false) Long fromSeq,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) Long position,
                               @RequestParam(required = false) String consistency) {
        return queries.logbook(actor, id, fromSeq, limit, position, consistency);
    }

    @GetMapping("/{id}/drift")
    public DriftView drift(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                           @RequestParam(required = false) Long position,
                           @RequestParam(required = false) String consistency) {
        return queries.drift(actor, id, position, consistency);
    }
}
