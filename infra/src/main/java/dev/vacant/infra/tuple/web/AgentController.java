package dev.vacant.infra.tuple.web;

import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.infra.tuple.web.TupleRequests.AgentBody;
import dev.vacant.infra.tuple.web.TupleRequests.BatchSpawnBody;
import dev.vacant.infra.tuple.web.TupleRequests.MaterializeBody;
import dev.vacant.infra.tuple.web.TupleRequests.PruneBody;
import dev.vacant.infra.tuple.web.TupleRequests.AgentSpawnBody;
import dev.vacant.infra.tuple.web.TupleResponses.AgentAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.BatchSpawnAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.CompressAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.MaterializeAnswer;
import dev.vacant.infra.tuple.web.TupleResponses.PruneAnswer;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.tuple.TupleOp;
import dev.vacant.kernel.tuple.VirtualSubtree;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agent tuples: spawn, lazy batch spawn, materialize, compress, restore, prune ({@code docs/tuples.md}). */
@RestController
@RequestMapping("/api/v1/agents")
public class AgentController {

    private final TupleGateway gateway;
    private final TupleAuthorities authorities;
    private final OpIds opIds;

    public AgentController(TupleGateway gateway, TupleAuthorities authorities, OpIds opIds) {
        this.gateway = gateway;
        this.authorities = authorities;
        this.opIds = opIds;
    }

    @PostMapping("/spawn")
    @ResponseStatus(HttpStatus.CREATED)
    public AgentAnswer spawn(@AuthenticationPrincipal Actor actor, @RequestBody AgentSpawnBody body) {
        return TupleResponses.answer(gateway, AgentAnswer.class,
                new TupleOp.SpawnAgent(opIds.scoped(actor, body.opId()), body.lane(),
                        authorities.resolve(actor, body.vacant()), TupleRequests.uuid("parent_tuple", body.parentTuple()),
                        body.yool(), body.data()));
    }

    @PostMapping("/batch-spawn")
    @ResponseStatus(HttpStatus.CREATED)
    public BatchSpawnAnswer batchSpawn(@AuthenticationPrincipal Actor actor, @RequestBody BatchSpawnBody body) {
        return TupleResponses.answer(gateway, BatchSpawnAnswer.class,
                new TupleOp.BatchSpawn(opIds.scoped(actor, body.opId()), body.lane(),
                        authorities.resolve(actor, body.vacant()), TupleRequests.uuid("parent_tuple", body.parentTuple()),
                        body.yool(), new VirtualSubtree(body.depth(), body.branching()), body.compressionThreshold()));
    }

    @PostMapping("/materialize")
    public MaterializeAnswer materialize(@AuthenticationPrincipal Actor actor, @RequestBody MaterializeBody body) {
        return TupleResponses.answer(gateway, MaterializeAnswer.class,
                new TupleOp.Materialize(opIds.scoped(actor, body.opId()), body.lane(),
                        authorities.resolve(actor, body.vacant()), body.receipt(), body.path(), body.asVacant()));
    }

    @PostMapping("/compress")
    public CompressAnswer compress(@AuthenticationPrincipal Actor actor, @RequestBody AgentBody body) {
        return TupleResponses.answer(gateway, CompressAnswer.class,
                new TupleOp.Compress(opIds.scoped(actor, body.opId()), body.lane(),
                        authorities.resolve(actor, body.vacant()), body.agentId()));
    }

    @PostMapping("/restore")
    public AgentAnswer restore(@AuthenticationPrincipal Actor actor, @RequestBody AgentBody body) {
        return TupleResponses.answer(gateway, AgentAnswer.class,
                new TupleOp.Restore(opIds.scoped(actor, body.opId()), body.lane(),
                        authorities.resolve(actor, body.vacant()), body.agentId()));
    }

    @PostMapping("/prune-idle")
    public PruneAnswer pruneIdle(@AuthenticationPrincipal Actor actor, @RequestBody PruneBody body) {
        actor.requireOperator();
        return TupleResponses.answer(gateway, PruneAnswer.class,
                new TupleOp.PruneIdle(opIds.scoped(actor, body.opId()), body.maxActive()));
    }
}
