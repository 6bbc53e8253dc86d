package dev.vacant.infra.tuple.web;

import dev.vacant.infra.tuple.web.TupleRequests.AgentBody;
import dev.vacant.infra.tuple.web.TupleRequests.AgentSpawnBody;
import dev.vacant.infra.tuple.web.TupleRequests.BatchSpawnBody;
import dev.vacant.infra.tuple.web.TupleRequests.MaterializeBody;
import dev.vacant.infra.tuple.web.TupleRequests.PruneBody;
import dev.vacant.infra.tuple.web.TupleResponses.AgentAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.BatchSpawnAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.CompressAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.MaterializeAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.PruneAnswer;
import dev.vacant.kernel.auth.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agent tuples ({@link AgentOps}): spawn, lazy batch spawn, materialize, compress, restore, prune ({@code docs/tuples.md}). */
@RestController
@RequestMapping("/api/v1/agents")
public class AgentController {

    private final AgentOps agents;

    public AgentController(AgentOps agents) {
        this.agents = agents;
    }

    @PostMapping("/spawn")
    @ResponseStatus(HttpStatus.CREATED)
    public AgentAnswer spawn(@AuthenticationPrincipal Actor actor, @RequestBody AgentSpawnBody body) {
        return agents.spawn(actor, body);
    }

    @PostMapping("/batch-spawn")
    @ResponseStatus(HttpStatus.CREATED)
    public BatchSpawnAnswer batchSpawn(@AuthenticationPrincipal Actor actor, @RequestBody BatchSpawnBody body) {
        return agents.batchSpawn(actor, body);
    }

    @PostMapping("/materialize")
    public MaterializeAnswer materialize(@AuthenticationPrincipal Actor actor, @RequestBody MaterializeBody body) {
        return agents.materialize(actor, body);
    }

    @PostMapping("/compress")
    public CompressAnswer compress(@AuthenticationPrincipal Actor actor, @RequestBody AgentBody body) {
        return agents.compress(actor, body);
    }

    @PostMapping("/restore")
    public AgentAnswer restore(@AuthenticationPrincipal Actor actor, @RequestBody AgentBody body) {
        return agents.restore(actor, body);
    }

    @PostMapping("/prune-idle")
    public PruneAnswer pruneIdle(@AuthenticationPrincipal Actor actor, @RequestBody PruneBody body) {
        return agents.pruneIdle(actor, body);
    }
}
